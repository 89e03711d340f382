package com.shop.user;

import com.shop.support.ServiceMain;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class UserApplication {

    public static void main(String[] args) {
        ServiceMain.run(UserApplication.class, args);
    }
}
