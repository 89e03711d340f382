package com.shop.load;

import java.util.List;
import java.util.Locale;

/**
 * Grouped horizontal bar charts as one SVG image: what a run's summary says, in a form docs/benchmarks.md
 * can show (Gatling's own charts are HTML pages under target/, one per simulation, not an image to keep).
 */
final class SvgBars {

    /** One bar: its label, its value and its colour. */
    record Bar(String label, double value, String colour) {
    }

    /** Bars drawn together under one label (a round, a process). */
    record Group(String label, List<Bar> bars) {
    }

    /** One chart: a title, the unit of its values, its groups. */
    record Chart(String title, String unit, List<Group> groups) {
    }

    static final String AT_ON = "#c0504d";
    static final String AT_OFF = "#4f81bd";

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 150;
    private static final int VALUE_WIDTH = 90;
    private static final int BAR_HEIGHT = 14;
    private static final int GROUP_GAP = 10;
    private static final int TITLE_HEIGHT = 34;
    private static final int CHART_GAP = 18;

    private SvgBars() {
    }

    static String render(String heading, List<Chart> charts) {
        StringBuilder body = new StringBuilder();
        int y = 30;
        body.append(text(10, 20, heading, 15, "bold"));
        for (Chart chart : charts) {
            y = chart(body, chart, y + CHART_GAP);
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + (y + 10)
                + "\" font-family=\"sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
    }

    private static int chart(StringBuilder out, Chart chart, int top) {
        double max = chart.groups().stream().flatMap(group -> group.bars().stream())
                .mapToDouble(Bar::value).max().orElse(1);
        double scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20) / Math.max(max, 1e-9);
        out.append(text(10, top + 16, chart.title() + " (" + chart.unit() + ")", 13, "bold"));
        int y = top + TITLE_HEIGHT - 10;
        for (Group group : chart.groups()) {
            int groupTop = y;
            for (Bar bar : group.bars()) {
                int length = (int) Math.round(bar.value() * scale);
                out.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                        LABEL_WIDTH, y, Math.max(length, 1), BAR_HEIGHT, bar.colour()));
                out.append(text(LABEL_WIDTH + Math.max(length, 1) + 5, y + BAR_HEIGHT - 3,
                        format(bar.value()) + " " + bar.label(), 11, "normal"));
                y += BAR_HEIGHT + 2;
            }
            out.append(text(10, groupTop + (y - groupTop) / 2 + 4, group.label(), 12, "normal"));
            y += GROUP_GAP;
        }
        return y;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String text(int x, int y, String text, int size, String weight) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n",
                x, y, size, weight, escaped);
    }
}
