package com.shop.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code start [--fresh] [--no-demo] [--faults] [--replicas N]}: runs the whole stack until Ctrl-C.
 * {@code stop}: stops a stack whose launcher is gone, by the PIDs it recorded.
 * {@code pay ORDER_ID}: pays an order on the running stack as the payment platform would.
 * {@code component stop|start NAME}: has the running launcher stop or start one of its components.
 */
public final class Main {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = new ArrayList<>(List.of(args));
        String command = options.isEmpty() || options.get(0).startsWith("--") ? "start" : options.remove(0);
        Path root = StackSettings.findRoot(Path.of(""));
        Path dataDir = Path.of(System.getenv().getOrDefault("SHOP_STACK_DATA", root.resolve(".stack-data").toString()));
        switch (command) {
            case "start" -> start(root, dataDir, options);
            case "stop" -> System.exit(stopRecorded(dataDir) ? 0 : 1);
            case "pay" -> System.exit(pay(root, dataDir, options));
            case "component" -> System.exit(component(dataDir, options));
            default -> {
                System.err.println("usage: shop.sh [start [--fresh] [--no-demo] [--faults] [--replicas N] | stop | pay ORDER_ID"
                        + " | component stop|start NAME]");
                System.exit(2);
            }
        }
    }

    /**
     * Opens the order's payment if it has none, then posts the platform's signed SUCCESS callback: the
     * whole payment a buyer would make, from the command line.
     */
    private static int pay(Path root, Path dataDir, List<String> options) throws IOException {
        if (options.size() != 1 || !options.get(0).matches("[1-9][0-9]{0,18}")) {
            System.err.println("usage: shop.sh pay ORDER_ID");
            return 2;
        }
        String orderId = options.get(0);
        PaymentPlatform platform = PaymentPlatform.of(StackSettings.fromEnvironment(root, dataDir, true));
        Http.Response opened = platform.openPayment(orderId);
        System.out.println("POST /api/payments → " + opened.status() + " " + opened.body());
        if (opened.status() != 200 && opened.status() != 201) {
            return 1;
        }
        var payment = opened.json();
        var callback = platform.successCallback(payment.path("payId").asText(), orderId,
                payment.path("payAmount").asText());
        System.out.println("callback (signed as the platform signs): " + callback);
        Http.Response answered = platform.postCallback(callback);
        System.out.println("POST /api/payments/callback → " + answered.status() + " " + answered.body());
        System.out.println("The order turns paid once order-app consumed the pay-success event: "
                + "curl " + Ports.url(Components.ORDER) + "/api/orders/" + orderId);
        return answered.status() == 200 ? 0 : 1;
    }

    /** Asks the running launcher to stop or start a component (a game day's outage) and waits until it has. */
    private static int component(Path dataDir, List<String> options) throws IOException, InterruptedException {
        if (options.size() != 2 || !List.of("stop", "start").contains(options.get(0))) {
            System.err.println("usage: shop.sh component stop|start NAME   (names: the launcher's log lines, e.g. rocketmq, pay-app)");
            return 2;
        }
        try {
            System.out.println(new StackControl(dataDir).request(StackControl.Action.parse(options.get(0)), options.get(1),
                    Duration.ofMinutes(5)));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            System.err.println(refused.getMessage());
            return 1;
        }
    }

    private static void start(Path root, Path dataDir, List<String> options) throws IOException, InterruptedException {
        boolean fresh = options.remove("--fresh");
        boolean demo = !options.remove("--no-demo");
        boolean faults = options.remove("--faults");
        int replicas = replicas(options);
        if (!options.isEmpty()) {
            System.err.println("unknown options: " + options);
            System.exit(2);
        }
        if (stopRecorded(dataDir)) {
            say("stopped processes left by an earlier run");
        }
        if (fresh) {
            say("--fresh: deleting " + dataDir);
            Stack.deleteDataDir(dataDir);
        }
        StackSettings settings;
        try {
            settings = StackSettings.fromEnvironment(root, dataDir, demo);
            if (faults) {
                settings = settings.withFaultsEnabled();
            }
        } catch (IllegalStateException refused) {
            System.err.println(refused.getMessage());
            System.exit(2);
            return;
        }
        Stack stack = new Stack(settings, replicas, Main::say);
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            say("stopping the stack");
            stack.stopAll();
            say("stopped");
        }, "stack-shutdown"));
        try {
            stack.startAll();
        } catch (StackStartFailure e) {
            System.err.println();
            System.err.println("The stack did not start: " + e.getMessage());
            System.exit(1);
        }
        printWelcome(stack);
        printExtraInstances(stack);
        watch(stack, new StackControl(dataDir), stopping);
    }

    /** {@code --replicas N} (1 to 3): N instances of the TC and of every service; removed from the options. */
    private static int replicas(List<String> options) {
        int at = options.indexOf("--replicas");
        if (at < 0) {
            return 1;
        }
        String value = at + 1 < options.size() ? options.remove(at + 1) : "";
        options.remove(at);
        if (!value.matches("[1-3]")) {
            System.err.println("--replicas takes 1, 2 or 3, not '" + value + "'");
            System.exit(2);
        }
        return Integer.parseInt(value);
    }

    private static void printWelcome(Stack stack) {
        StackSettings s = stack.settings();
        String nacosHost = s.nacosAddr().substring(0, s.nacosAddr().indexOf(':'));
        System.out.printf("""

                ================================================================================
                 Shop checkout stack is ready (%1$d processes, %2$d MB resident). Ctrl-C stops it.

                 Checkout API     %3$s/api/orders
                 Order OpenAPI    %3$s/swagger-ui.html  (spec: /v3/api-docs)
                 Payment API      %4$s/api/payments
                 Payment OpenAPI  %4$s/swagger-ui.html
                 Seata console    %5$s   user %6$s / password %7$s
                 Nacos console    http://%8$s:%9$d   user %10$s / password %11$s
                 AT probe         curl -X POST -H 'Content-Type: application/json' -H 'X-Operator-Token: %13$s' -d '{}' %3$s/actuator/atprobe

                 Demo data        ids are 180000000000000 followed by the short name (19 digits, like snowflake ids):
                                  users …1001 alice (1000.00), …1002 bob (50.00), …1003 carol (0.00)
                                  goods …2001 keyboard 399.00, …2002 cable 9.90, …2003 mug 45.00, …2004 figure 120.00 (20 in stock)
                                  coupons …3001 (20.00, alice), …3002 (5.00, alice), …3003 (10.00, bob)
                                  e.g. alice is 1800000000000001001, the mug 1800000000000002003
                 Logs             %12$s
                ================================================================================
                %n""",
                stack.componentNames().size(), stack.residentMemoryBytes() / (1024 * 1024),
                Ports.url(Components.ORDER), Ports.url(Components.PAY), Ports.url(Ports.SEATA_CONSOLE),
                s.seataConsoleUser(), StackSettings.shown(s.seataConsolePassword(), StackSettings.LOCAL_SEATA_CONSOLE_PASSWORD),
                nacosHost, Ports.NACOS_CONSOLE, s.nacosUser(),
                StackSettings.shown(s.nacosPassword(), StackSettings.LOCAL_NACOS_PASSWORD), s.dataDir().resolve("logs"),
                StackSettings.shown(s.operatorToken(), StackSettings.LOCAL_OPERATOR_TOKEN));
    }

    /** With --replicas: where the other instances listen (each is a process of its own, registered in Nacos). */
    private static void printExtraInstances(Stack stack) {
        List<String> extra = stack.componentNames().stream().filter(name -> Components.instanceNumber(name) > 1).toList();
        if (extra.isEmpty()) {
            return;
        }
        System.out.println(" More instances (registered in Nacos beside the first; Dubbo and the Seata clients balance between them):");
        for (String name : extra) {
            if (Components.kind(name).equals(Components.SEATA)) {
                int instance = Components.instanceNumber(name);
                System.out.printf("   %-16s RPC %d, console %s%n", name, Ports.seataRpc(instance),
                        Ports.url(Ports.seataConsole(instance)));
            } else {
                System.out.printf("   %-16s %s (Dubbo %d)%n", name, Ports.url(name), Ports.dubbo(name));
            }
        }
        System.out.println(" A REST client picks an instance itself (production puts a load balancer in front).");
        System.out.println();
    }

    /**
     * Stays in the foreground until Ctrl-C, or until every component is gone (`./shop.sh stop` from another
     * terminal); carries out `./shop.sh component` requests; says so when a component dies on its own.
     */
    private static void watch(Stack stack, StackControl control, CountDownLatch stopping)
            throws InterruptedException, IOException {
        List<String> reported = new ArrayList<>();
        while (!stopping.await(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            control.serve((action, name) -> carryOut(stack, action, name, reported));
            if (stack.componentNames().stream().noneMatch(stack::isRunning)) {
                say("Every component has stopped; the launcher exits.");
                return;
            }
            for (String name : stack.componentNames()) {
                if (!stack.isRunning(name) && !reported.contains(name)) {
                    say("WARNING: " + name + " is not running any more; see " + stack.logFile(name));
                    reported.add(name);
                }
            }
        }
    }

    /** A `./shop.sh component` request; a component stopped on request is not reported as died. */
    private static String carryOut(Stack stack, StackControl.Action action, String name, List<String> reported) {
        if (!stack.componentNames().contains(name)) {
            throw new IllegalArgumentException("no component '" + name + "'; this stack has " + stack.componentNames());
        }
        long began = System.nanoTime();
        switch (action) {
            case STOP -> {
                if (!stack.isRunning(name)) {
                    throw new IllegalArgumentException(name + " is not running");
                }
                say("stopping " + name + " on request");
                reported.add(name);
                stack.stop(name);
            }
            case START -> {
                if (stack.isRunning(name)) {
                    throw new IllegalArgumentException(name + " is already running");
                }
                say("starting " + name + " on request");
                stack.start(name);
                reported.remove(name);
            }
        }
        String done = String.format("%s %s: done in %.1f s", action.name().toLowerCase(java.util.Locale.ROOT), name,
                (System.nanoTime() - began) / 1e9);
        say(done);
        return done;
    }

    /** Kills what an earlier launcher recorded and left running; true if it found any. */
    private static boolean stopRecorded(Path dataDir) throws IOException {
        PidFile pidFile = new PidFile(dataDir);
        boolean found = false;
        for (Map.Entry<String, Long> recorded : pidFile.read().entrySet()) {
            var handle = ProcessHandle.of(recorded.getValue());
            // Only a java process still: a recycled PID must not be killed.
            if (handle.isPresent() && handle.get().info().command().orElse("").contains("java")) {
                say("stopping leftover " + recorded.getKey() + " (pid " + recorded.getValue() + ")");
                List<ProcessHandle> children = handle.get().descendants().toList();
                handle.get().destroy();
                handle.get().onExit().completeOnTimeout(handle.get(), 30, java.util.concurrent.TimeUnit.SECONDS).join();
                handle.get().destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                found = true;
            }
        }
        pidFile.delete();
        return found;
    }

    private static void say(String message) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
    }
}
