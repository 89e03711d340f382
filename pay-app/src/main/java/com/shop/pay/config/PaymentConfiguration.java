package com.shop.pay.config;

import com.shop.pay.payment.PaymentCallbackVerifier;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PaymentConfiguration {

    /** The secret shared with the payment platform: configuration only (nacos-config/…/pay-app.yaml), never code. */
    @Bean
    PaymentCallbackVerifier paymentCallbackVerifier(@Value("${shop.payment.callback-secret:}") String secret) {
        return new PaymentCallbackVerifier(secret, Clock.systemUTC());
    }
}
