package com.shop.support;

import com.baomidou.mybatisplus.autoconfigure.ConfigurationCustomizer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.support.db.CodeTypeHandler;
import com.shop.support.fault.FaultInjector;
import com.shop.support.fault.FaultPointAspect;
import com.shop.support.fault.FaultsEndpoint;
import com.shop.support.id.IdGenerator;
import com.shop.support.info.ConfigRevisionInfo;
import com.shop.support.metrics.GlobalTransactionMetrics;
import com.shop.support.mq.DeadLettersEndpoint;
import com.shop.support.mq.IdempotentConsumer;
import com.shop.support.mq.IdempotentListener;
import com.shop.support.mq.IdleProducerGuards;
import com.shop.support.probe.AtProbeProvider;
import com.shop.support.probe.LocalWarmUpTransaction;
import com.shop.support.probe.WarmUpBeforeReady;
import com.shop.support.probe.WarmUpTransaction;
import com.shop.support.tx.GlobalTransactionDeadline;
import com.shop.support.tx.LocalWrites;
import com.shop.support.tx.OrphanUndoLogs;
import com.shop.support.tx.SeataClientSettings;
import com.shop.support.web.ApiDocs;
import com.shop.support.web.ApiErrorHandler;
import com.shop.support.web.CodeTaggedRequestMetrics;
import com.shop.support.web.OperatorWrites;
import com.shop.support.web.RequestSizeLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** Only where faults can be armed: elsewhere no step is wrapped for them. */
    @Bean
    @ConditionalOnProperty(name = "shop.faults.enabled", havingValue = "true")
    FaultPointAspect faultPointAspect(FaultInjector faults) {
        return new FaultPointAspect(faults);
    }

    @Bean
    GlobalTransactionMetrics globalTransactionMetrics(MeterRegistry registry) {
        return new GlobalTransactionMetrics(registry, SeataClientSettings.globalTransactionTimeoutMillis());
    }

    @Bean
    GlobalTransactionDeadline globalTransactionDeadline() {
        return new GlobalTransactionDeadline(SeataClientSettings.globalTransactionTimeoutMillis());
    }

    /**
     * What any request body may be: every body this shop accepts is a few hundred bytes and two levels
     * deep. The size is checked from the declared length before anything is read, and by the JSON
     * parser for a body sent without one; the depth by the parser.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class RequestLimits {

        static final int MAX_NESTING_DEPTH = 16;

        @Bean
        FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(@Value("${shop.web.max-body-bytes:16384}") long maxBodyBytes,
                                                                  ObjectMapper json) {
            FilterRegistrationBean<RequestSizeLimit> registration =
                    new FilterRegistrationBean<>(new RequestSizeLimit(maxBodyBytes, json));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(@Value("${shop.web.max-body-bytes:16384}") long maxBodyBytes) {
            return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxDocumentLength(maxBodyBytes)
                            .build()));
        }

        /** Actuator writes need the operator token (OperatorWrites). */
        @Bean
        FilterRegistrationBean<OperatorWrites> operatorWrites(@Value("${shop.operator.token}") String token,
                                                              ObjectMapper json) {
            FilterRegistrationBean<OperatorWrites> registration = new FilterRegistrationBean<>(new OperatorWrites(token, json));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }

    /** http.server.requests tagged with the answer's error code. */
    @Bean
    ServerRequestObservationConvention codeTaggedRequestMetrics() {
        return new CodeTaggedRequestMetrics();
    }

    @Bean
    ConfigRevisionInfo configRevisionInfo(Environment environment) {
        return new ConfigRevisionInfo(environment);
    }

    /**
     * Every state enum is stored as its code ({@link CodeTypeHandler}). Set here, not in nacos-config: it is
     * not a setting to tune, and without it MyBatis would write enum names into number columns.
     */
    @Bean
    ConfigurationCustomizer statesStoredAsCodes() {
        return configuration -> configuration.setDefaultEnumTypeHandler(CodeTypeHandler.class);
    }

    /** A service whose checkouts span other services (order-app) declares a wider one of its own. */
    @Bean
    @ConditionalOnMissingBean(WarmUpTransaction.class)
    WarmUpTransaction localWarmUpTransaction(AtProbeProvider probe) {
        return new LocalWarmUpTransaction(probe);
    }

    @Bean
    WarmUpBeforeReady warmUpBeforeReady(WarmUpTransaction transaction, IdGenerator ids,
                                        @Value("${shop.warm-up.transactions:1}") int transactions,
                                        @Value("${shop.warm-up.give-up-after:60s}") Duration giveUpAfter) {
        return new WarmUpBeforeReady(transaction, ids, transactions, giveUpAfter);
    }

    @Bean
    OrphanUndoLogs orphanUndoLogs(DataSource dataSource, MeterRegistry metrics,
                                  @Value("${shop.undo.orphan-age:60s}") Duration minimumAge,
                                  @Value("${shop.undo.orphan-sweep-every:20s}") Duration sweepEvery) {
        return new OrphanUndoLogs(new JdbcTemplate(dataSource), OrphanUndoLogs.askingTheTc(), metrics, minimumAge, sweepEvery);
    }

    @Bean
    LocalWrites localWrites(PlatformTransactionManager transactionManager) {
        return new LocalWrites(new TransactionTemplate(transactionManager));
    }

    /** Only in services that consume messages (they bring rocketmq-spring along). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RocketMQListener.class)
    static class Messaging {

        @Bean
        static IdleProducerGuards idleProducerGuards() {
            return new IdleProducerGuards();
        }

        @Bean
        IdempotentConsumer idempotentConsumer(DataSource dataSource, LocalWrites localWrites, MeterRegistry metrics,
                                              @Value("${shop.mq.max-reconsume-times:16}") int maxReconsumeTimes,
                                              @Value("${shop.mq.consume-threads:2}") int consumeThreads) {
            return new IdempotentConsumer(new JdbcTemplate(dataSource), localWrites, metrics, maxReconsumeTimes,
                    consumeThreads);
        }

        @Bean
        DeadLettersEndpoint deadLettersEndpoint(IdempotentConsumer consumer,
                                                ObjectProvider<IdempotentListener<?>> listeners,
                                                @Value("${rocketmq.name-server:127.0.0.1:9876}") String nameServer,
                                                @Value("${spring.application.name}") String application) {
            return new DeadLettersEndpoint(consumer, listeners, nameServer, application);
        }
    }

    /** Only in services with a REST API (they bring springdoc along): docs/design.md#rest-contract. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OperationCustomizer.class)
    static class ApiDocumentation {

        @Bean
        OpenAPI apiDocument(@Value("${spring.application.name}") String application,
                            @Value("${shop.api.description:}") String description) {
            return ApiDocs.document(application, description);
        }

        @Bean
        OperationCustomizer errorResponses() {
            return ApiDocs.errorResponses();
        }
    }
}
