package com.shop.pay;

import com.shop.support.ServiceMain;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PayApplication {

    public static void main(String[] args) {
        ServiceMain.run(PayApplication.class, args);
    }
}
