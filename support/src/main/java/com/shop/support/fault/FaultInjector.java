package com.shop.support.fault;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires armed faults at named points. Off unless {@code shop.faults.enabled=true}: then nothing can
 * be armed and {@link #at} costs one map lookup on an empty map.
 */
public class FaultInjector {

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

    private final boolean enabled;
    private final String service;
    private final Map<String, ArmedFault> armed = new ConcurrentHashMap<>();

    public FaultInjector(boolean enabled, String service) {
        this.enabled = enabled;
        this.service = service;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The points of this service, the only ones it can arm. */
    public List<FaultPoint> points() {
        return FaultPoint.of(service);
    }

    public void arm(FaultPoint point, FaultAction action, long delayMillis, int times) {
        if (!enabled) {
            throw new ShopException(ErrorCode.FAULT_INJECTION_DISABLED,
                    "Fault injection is off on " + service + "-app; start it with shop.faults.enabled=true");
        }
        if (!point.service().equals(service)) {
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID,
                    point.id() + " is not a point of " + service + "-app; its points are " + points());
        }
        if (times < 1 || (action == FaultAction.DELAY && delayMillis <= 0)) {
            throw new ShopException(ErrorCode.REQUEST_PARAMETER_INVALID,
                    "times must be >= 1, and a DELAY needs delayMillis > 0");
        }
        armed.put(point.id(), new ArmedFault(point.id(), action, delayMillis, times));
        log.warn("Fault armed: {} {} (delay {} ms, {} time(s))", point.id(), action, delayMillis, times);
    }

    public void disarmAll() {
        armed.clear();
    }

    public List<ArmedFault> armed() {
        return List.copyOf(armed.values());
    }

    /** Called by the flow at the point; fires the fault armed there, if any. */
    public void at(FaultPoint point) {
        if (armed.isEmpty()) {
            return;
        }
        AtomicReference<ArmedFault> firing = new AtomicReference<>();
        armed.computeIfPresent(point.id(), (id, fault) -> {
            firing.set(fault);
            return fault.fired();
        });
        ArmedFault fault = firing.get();
        if (fault == null) {
            return;
        }
        log.warn("Fault fires at {}: {}", point.id(), fault.action());
        switch (fault.action()) {
            case THROW -> throw new ShopException(ErrorCode.INJECTED_FAULT, "Injected fault at " + point.id());
            case DELAY -> sleep(fault.delayMillis());
            case HALT -> Runtime.getRuntime().halt(137);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
