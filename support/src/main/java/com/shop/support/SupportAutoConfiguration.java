package com.shop.support;

import com.shop.support.fault.FaultInjector;
import com.shop.support.fault.FaultsEndpoint;
import com.shop.support.id.IdGenerator;
import com.shop.support.info.ConfigRevisionInfo;
import com.shop.support.web.ApiErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** What every service gets by depending on {@code support}. */
@AutoConfiguration
@Import(ApiErrorHandler.class)
public class SupportAutoConfiguration {

    @Bean
    IdGenerator idGenerator(@Value("${shop.id.worker-id}") long workerId) {
        return new IdGenerator(workerId);
    }

    /** Off unless shop.faults.enabled=true (a game day, the failure-injection tests). */
    @Bean
    FaultInjector faultInjector(@Value("${shop.faults.enabled:false}") boolean enabled,
                                @Value("${spring.application.name}") String application) {
        return new FaultInjector(enabled, application.replace("-app", ""));
    }

    @Bean
    FaultsEndpoint faultsEndpoint(FaultInjector faults) {
        return new FaultsEndpoint(faults);
    }

    @Bean
    ConfigRevisionInfo configRevisionInfo(Environment environment) {
        return new ConfigRevisionInfo(environment);
    }
}
