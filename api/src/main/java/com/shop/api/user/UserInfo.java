package com.shop.api.user;

import java.io.Serializable;
import java.math.BigDecimal;

public class UserInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private long userId;
    private String userName;
    private BigDecimal userMoney;
    private int userScore;

    public UserInfo() {
    }

    public UserInfo(long userId, String userName, BigDecimal userMoney, int userScore) {
        this.userId = userId;
        this.userName = userName;
        this.userMoney = userMoney;
        this.userScore = userScore;
    }

    public long getUserId() { return userId; }
    public void setUserId(long userId) { this.userId = userId; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public BigDecimal getUserMoney() { return userMoney; }
    public void setUserMoney(BigDecimal userMoney) { this.userMoney = userMoney; }
    public int getUserScore() { return userScore; }
    public void setUserScore(int userScore) { this.userScore = userScore; }
}
