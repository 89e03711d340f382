package com.shop.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shop.api.error.ErrorCode;
import com.shop.api.error.ShopException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingTest {

    @ParameterizedTest(name = "goods amount {0} ships for {1}")
    @CsvSource({"0.01, 10.00", "99.99, 10.00", "100.00, 10.00", "100.01, 0.00", "399.00, 0.00"})
    void shippingIsFreeOnlyAboveOneHundredOfGoods(String goodsAmount, String fee) {
        assertThat(Pricing.shippingFeeFor(new BigDecimal(goodsAmount))).isEqualByComparingTo(fee);
    }

    @Test
    void twoMugsOf45Cost90PlusShipping() {
        Pricing.Amounts amounts = Pricing.amounts(order("45.00", 2, "10.00", "100.00", null), new BigDecimal("45.00"));

        assertThat(amounts.goodsAmount()).isEqualByComparingTo("90.00");
        assertThat(amounts.shippingFee()).isEqualByComparingTo("10.00");
        assertThat(amounts.orderAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void tenCablesOf990AreStillBelowTheLineSoTheyShipForTen() {
        Pricing.Amounts amounts = Pricing.amounts(order("9.90", 10, "10.00", "109.00", null), new BigDecimal("9.90"));

        assertThat(amounts.goodsAmount()).isEqualByComparingTo("99.00");
        assertThat(amounts.orderAmount()).isEqualByComparingTo("109.00");
    }

    @Test
    void theShippingFeeComesFromTheGoodsAmountNotTheOrderAmount() {
        // 95.00 of goods + 10.00 = 105.00: the notes' rule (order amount > 100) would have made it free.
        assertThat(Pricing.amounts(order("95.00", 1, "10.00", "105.00", null), new BigDecimal("95.00"))
                .shippingFee()).isEqualByComparingTo("10.00");
        assertRefused(() -> Pricing.amounts(order("95.00", 1, "0.00", "95.00", null), new BigDecimal("95.00")),
                ErrorCode.ORDER_SHIPPINGFEE_INVALID);
    }

    @Test
    void aPriceThatDiffersFromTheGoodsIsRefusedBeforeAnyAmount() {
        assertRefused(() -> Pricing.amounts(order("44.99", 2, "10.00", "99.98", null), new BigDecimal("45.00")),
                ErrorCode.GOODS_PRICE_INVALID);
    }

    @Test
    void aWrongOrderAmountIsRefused() {
        assertRefused(() -> Pricing.amounts(order("45.00", 2, "10.00", "90.00", null), new BigDecimal("45.00")),
                ErrorCode.ORDERAMOUNT_INVALID);
    }

    @Test
    void payAmountIsWhatBalanceAndCouponLeaveOfTheOrderAmount() {
        PlaceOrder order = order("45.00", 2, "10.00", "100.00", "30.00");
        PricedOrder priced = Pricing.priced(order, Pricing.amounts(order, new BigDecimal("45.00")),
                new BigDecimal("20.00"), new BigDecimal("1000.00"));

        assertThat(priced.couponPaid()).isEqualByComparingTo("20.00");
        assertThat(priced.moneyPaid()).isEqualByComparingTo("30.00");
        assertThat(priced.payAmount()).isEqualByComparingTo("50.00");
        assertThat(priced.payAmount().scale()).isEqualTo(2);
    }

    @Test
    void balanceAndCouponMayCoverTheWholeOrderLeavingNothingToPay() {
        PlaceOrder order = order("45.00", 2, "10.00", "100.00", "80.00");
        PricedOrder priced = Pricing.priced(order, Pricing.amounts(order, new BigDecimal("45.00")),
                new BigDecimal("20.00"), new BigDecimal("80.00"));

        assertThat(priced.payAmount()).isEqualByComparingTo("0.00");
        assertThat(priced.payAmount().signum()).isZero();
    }

    @Test
    void balanceAndCouponTogetherMustNotExceedTheOrderAmount() {
        PlaceOrder order = order("45.00", 2, "10.00", "100.00", "80.01");
        assertRefused(() -> Pricing.priced(order, Pricing.amounts(order, new BigDecimal("45.00")),
                new BigDecimal("20.00"), new BigDecimal("1000.00")), ErrorCode.MONEY_PAID_INVALID);
    }

    @Test
    void theBalanceUsedMustBeNeitherNegativeNorMoreThanTheUserHas() {
        PlaceOrder negative = order("45.00", 2, "10.00", "100.00", "-0.01");
        assertRefused(() -> Pricing.priced(negative, Pricing.amounts(negative, new BigDecimal("45.00")),
                BigDecimal.ZERO, new BigDecimal("1000.00")), ErrorCode.MONEY_PAID_LESS_ZERO);
        PlaceOrder tooMuch = order("45.00", 2, "10.00", "100.00", "50.01");
        assertRefused(() -> Pricing.priced(tooMuch, Pricing.amounts(tooMuch, new BigDecimal("45.00")),
                BigDecimal.ZERO, new BigDecimal("50.00")), ErrorCode.MONEY_PAID_INVALID);
    }

    @Test
    void amountsWithFewerDecimalsAreTheSameMoney() {
        PlaceOrder order = order("45", 2, "10", "100", "30");
        PricedOrder priced = Pricing.priced(order, Pricing.amounts(order, new BigDecimal("45.00")),
                BigDecimal.ZERO, new BigDecimal("30.00"));

        assertThat(priced.moneyPaid().toPlainString()).isEqualTo("30.00");
        assertThat(priced.payAmount().toPlainString()).isEqualTo("70.00");
    }

    private static PlaceOrder order(String price, int quantity, String shipping, String amount, String moneyPaid) {
        return new PlaceOrder("r-1", 9_100_000_000_000_000_001L, 9_100_000_000_000_000_002L, quantity,
                new BigDecimal(price), new BigDecimal(shipping), new BigDecimal(amount), null,
                moneyPaid == null ? null : new BigDecimal(moneyPaid), "1 Test Street", "Tess");
    }

    private static void assertRefused(Runnable pricing, ErrorCode code) {
        assertThatThrownBy(pricing::run).isInstanceOf(ShopException.class)
                .extracting(e -> ((ShopException) e).code()).isEqualTo(code);
    }
}
