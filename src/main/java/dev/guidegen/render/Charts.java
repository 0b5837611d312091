package dev.guidegen.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out pay bands on one shared axis for an inline SVG chart. Coordinates are computed here,
 * as strings with one decimal, so templates only place them and output stays byte-stable.
 */
final class Charts {

    static final int WIDTH = 400;
    private static final int LEFT = 24;
    private static final int RIGHT = 24;
    private static final int ROW = 66;
    private static final int TOP = 4;
    private static final int AXIS = 30;

    /** One band to draw: low to high, with a median tick, or a median alone; {@code detail} says the figures in words. */
    record Band(String label, String detail, Long low, Long high, Long median, String kind) {
    }

    private final Money money;

    Charts(Money money) {
        this.money = money;
    }

    View.Chart chart(String id, String title, List<Band> bands) {
        List<Band> drawable = bands.stream()
                .filter(b -> b.low() != null && b.high() != null || b.median() != null).toList();
        if (drawable.isEmpty()) {
            return null;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Band b : drawable) {
            for (Long v : new Long[] {b.low(), b.high(), b.median()}) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        long step = niceStep(max - min);
        long axisMin = Math.max(0, Math.floorDiv(min, step) * step);
        long axisMax = Math.max(axisMin + step, -Math.floorDiv(-max, step) * step);
        double span = axisMax - axisMin;
        double plot = WIDTH - LEFT - RIGHT;
        List<View.Bar> bars = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        int y = TOP;
        for (Band b : drawable) {
            String x = null;
            String w = null;
            if (b.low() != null && b.high() != null) {
                x = num(LEFT + (b.low() - axisMin) / span * plot);
                w = num(Math.max(2, (b.high() - b.low()) / span * plot));
            }
            String mx = b.median() == null ? null : num(LEFT + (b.median() - axisMin) / span * plot);
            bars.add(new View.Bar(b.label(), b.detail(), num(y + 15), num(y + 32), num(y + 40), x, w, mx, b.kind()));
            desc.append(b.label()).append(": ").append(b.detail()).append(". ");
            y += ROW;
        }
        List<View.Tick> ticks = new ArrayList<>();
        for (long v = axisMin; v <= axisMax; v += step) {
            ticks.add(new View.Tick(num(LEFT + (v - axisMin) / span * plot), shortMoney(v)));
        }
        int height = y + AXIS;
        return new View.Chart(id, title, desc.toString().strip(), String.valueOf(height), num(y + 2),
                num(y + 19), bars, ticks, String.valueOf(WIDTH));
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten, at least 1,000) that cuts the range into at most six parts. */
    static long niceStep(long range) {
        long step = 1_000;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                long candidate = step * factor;
                if (factor == 2 && range > candidate * 6 && range <= step * 5 / 2 * 6) {
                    return step * 5 / 2;
                }
                if (range <= candidate * 6) {
                    return candidate;
                }
            }
            step *= 10;
        }
    }

    private String shortMoney(long v) {
        if (v != 0 && v % 1_000_000 == 0) {
            return money.millions(v / 1_000_000);
        }
        return v % 1000 == 0 ? money.thousands(v / 1000) : money.format(v);
    }

    /** {@code v} to one decimal place, like "12.5", without the cost of a formatter on every bar of every chart. */
    private static String num(double v) {
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }
}
