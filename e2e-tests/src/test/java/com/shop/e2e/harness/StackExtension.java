package com.shop.e2e.harness;

import com.shop.stack.Stack;
import com.shop.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real stack once per test run (the first test class that needs it pays for it) and
 * stops it when the run ends. Data lives in e2e-tests/target/e2e-stack, wiped at the start of a
 * run so every run begins from the schemas and demo data. Fault injection is armable. Test classes
 * get the {@link Stack} or the {@link Shop} as a parameter: {@code @ExtendWith(StackExtension.class)}.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = "shop-stack";

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Stack.class || type == Shop.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningStack running = running(context);
        return parameter.getParameter().getType() == Shop.class ? running.shop() : running.stack();
    }

    private static RunningStack running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> startStack(), RunningStack.class);
    }

    private static RunningStack startStack() {
        Path root = StackSettings.findRoot(Path.of(""));
        Path dataDir = root.resolve("e2e-tests/target/e2e-stack");
        Stack.deleteDataDir(dataDir);
        // The tests' own embedded stack, never what SHOP_* variables of the shell point at, unless asked.
        StackSettings settings = Boolean.getBoolean("shop.e2e.use-environment")
                ? StackSettings.fromEnvironment(root, dataDir, true)
                : StackSettings.embedded(root, dataDir, true);
        Stack stack = new Stack(settings.withFaultsEnabled(), Stack.printedProgress());
        // Also on an aborted run (Ctrl-C, surefire timeout): no process may outlive the tests.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "e2e-stack-shutdown"));
        stack.startAll();
        // Orders wait hours for their payment unless a test publishes a shorter timeout (OrderTimeouts): a suite
        // running past the 30-minute default must not see earlier tests' orders cancelled under later ones.
        // Published to Nacos, not set as SHOP_ORDER_PAYMENT_TIMEOUT: a variable in the services' environment
        // would win over Nacos (docs/stack-traps.md#23-an-environment-variable-named-like-a-property-wins-over-nacos).
        OrderTimeouts.publishSuiteDefault(stack, Duration.ofHours(6));
        System.out.printf("[stack] all ready; resident memory of the stack: %d MB%n",
                stack.residentMemoryBytes() / (1024 * 1024));
        return new RunningStack(stack, new Shop(stack));
    }

    private record RunningStack(Stack stack, Shop shop) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.stopAll();
        }
    }
}
