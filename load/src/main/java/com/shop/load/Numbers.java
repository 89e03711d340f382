package com.shop.load;

/** How the summaries round their figures. */
final class Numbers {

    private Numbers() {
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
