package com.shop.order;

import com.shop.support.ServiceMain;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** order-app; scheduling runs the overdue-order sweep (timeout package). */
@SpringBootApplication
@EnableScheduling
public class OrderApplication {

    public static void main(String[] args) {
        ServiceMain.run(OrderApplication.class, args);
    }
}
