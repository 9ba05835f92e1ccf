package dev.kitty.notification.news;

import dev.kitty.transaction.events.MonthClosed;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * The monthly digest's chart: income and expense bars per month with the net as a line, from {@code recentMonths},
 * drawn with JFreeChart as a PNG (mail clients show an inline PNG; many show no SVG). Drawn at twice its displayed
 * size, so that it stays sharp on high-density screens; the colours are transaction-service's summary chart's.
 */
@Component
class DigestChart {

    /** The size the mail shows it at; the PNG has twice as many pixels each way. */
    static final int WIDTH = 640;
    static final int HEIGHT = 320;

    private static final Color INCOME = new Color(0x2E7D32);
    private static final Color EXPENSE = new Color(0xC62828);
    private static final Color NET = new Color(0x1F4E9C);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** Series and axis names in the reader's language. */
    record Labels(String title, String income, String expense, String net, String amount) {
    }

    byte[] png(List<MonthClosed.MonthTotals> months, String currency, Locale locale, Labels labels) {
        var bars = new DefaultCategoryDataset();
        var net = new DefaultCategoryDataset();
        for (var month : months) {
            var income = new BigDecimal(month.income());
            var expense = new BigDecimal(month.expense());
            var label = MoneyTexts.shortMonth(month.month(), locale);
            bars.addValue(income, labels.income(), label);
            bars.addValue(expense, labels.expense(), label);
            net.addValue(income.subtract(expense), labels.net(), label);
        }
        var valueAxis = new NumberAxis(labels.amount() + " (" + currency + ")");
        valueAxis.setNumberFormatOverride(NumberFormat.getIntegerInstance(locale));
        valueAxis.setLabelFont(LABEL);
        valueAxis.setTickLabelFont(LABEL);
        valueAxis.setAutoRangeIncludesZero(true);
        var monthAxis = new CategoryAxis();
        monthAxis.setTickLabelFont(LABEL);
        monthAxis.setCategoryMargin(0.25);
        // a month's label may be wider than its bars: "Nov 26" whole, never "N…"
        monthAxis.setMaximumCategoryLabelWidthRatio(2.0f);

        var barRenderer = new BarRenderer();
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        barRenderer.setItemMargin(0.05);
        barRenderer.setSeriesPaint(0, INCOME);
        barRenderer.setSeriesPaint(1, EXPENSE);
        var plot = new CategoryPlot(bars, monthAxis, valueAxis, barRenderer);
        var lineRenderer = new LineAndShapeRenderer(true, true);
        lineRenderer.setSeriesPaint(0, NET);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(1, net);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeZeroBaselineVisible(true);

        var chart = new JFreeChart(labels.title(), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemFont(LABEL);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(2 * WIDTH, 2 * HEIGHT, WIDTH, HEIGHT, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
