package com.shop.coupon;

import com.shop.support.ServiceMain;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CouponApplication {

    public static void main(String[] args) {
        ServiceMain.run(CouponApplication.class, args);
    }
}
