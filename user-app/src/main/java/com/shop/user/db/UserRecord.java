package com.shop.user.db;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code trade_user}. */
@TableName("trade_user")
public class UserRecord {

    @TableId(type = IdType.INPUT)
    private Long userId;
    private String userName;
    private String userMobile;
    private Integer userScore;
    private LocalDateTime userRegTime;
    private BigDecimal userMoney;

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getUserMobile() { return userMobile; }
    public void setUserMobile(String userMobile) { this.userMobile = userMobile; }
    public Integer getUserScore() { return userScore; }
    public void setUserScore(Integer userScore) { this.userScore = userScore; }
    public LocalDateTime getUserRegTime() { return userRegTime; }
    public void setUserRegTime(LocalDateTime userRegTime) { this.userRegTime = userRegTime; }
    public BigDecimal getUserMoney() { return userMoney; }
    public void setUserMoney(BigDecimal userMoney) { this.userMoney = userMoney; }
}
