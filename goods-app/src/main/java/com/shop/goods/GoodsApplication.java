package com.shop.goods;

import com.shop.support.ServiceMain;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GoodsApplication {

    public static void main(String[] args) {
        ServiceMain.run(GoodsApplication.class, args);
    }
}
