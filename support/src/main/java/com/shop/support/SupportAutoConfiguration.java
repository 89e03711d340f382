package com.shop.support;

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

    @Bean
    ConfigRevisionInfo configRevisionInfo(Environment environment) {
        return new ConfigRevisionInfo(environment);
    }
}
