package dev.kitty.transaction.summary;

import dev.kitty.transaction.ledger.TransactionType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.svg.SVGGraphics2D;
import org.springframework.stereotype.Component;

/**
 * Draws a {@link Summary} with JFreeChart onto JFreeSVG's {@code Graphics2D}: no SVG is written by hand. Both
 * charts are titled with the period and labelled with the currency; a period without transactions gives a chart
 * that says so. Drawing is in memory and takes a few milliseconds (see README), so it runs on the request thread.
 */
@Component
class SummaryCharts {

    static final int MAX_MONTHS = 120;
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    static final String NO_DATA = "No transactions in this period";
    /** Categories beyond these many are one slice, "Other": a pie of forty slivers does not read. */
    static final int MAX_SLICES = 9;

    static final Color INCOME = new Color(0x2E7D32);
    static final Color EXPENSE = new Color(0xC62828);
    static final Color NET = new Color(0x1F4E9C);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_YY = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

    static {
        // rotated text (the amount axis' label) as SVG text rather than glyph outlines: readable, searchable, smaller
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Income and expense bars per month with the net as a line. */
    String monthly(Summary summary) {
        var money = new Money(summary.currency());
        var bars = new DefaultCategoryDataset();
        var net = new DefaultCategoryDataset();
        boolean any = summary.income().signum() != 0 || summary.expense().signum() != 0;
        if (any) {
            var period = summary.period();
            // the title names the year(s): one year needs only the months' names
            var pattern = period.first().getYear() == period.last().getYear() ? SHORT_MONTH
                    : summary.byMonth().size() <= 24 ? MONTH_YY : DateTimeFormatter.ofPattern("MM/yy");
            for (var month : summary.byMonth()) {
                var label = pattern.format(month.month());
                bars.addValue(month.income(), "Income", label);
                bars.addValue(month.expense(), "Expense", label);
                net.addValue(month.net(), "Net", label);
            }
        }
        var format = amountFormat(money);
        var valueAxis = new NumberAxis("Amount (" + summary.currency() + ")");
        valueAxis.setNumberFormatOverride(format);
        valueAxis.setLabelFont(LABEL);
        valueAxis.setAutoRangeIncludesZero(true);
        var monthAxis = new CategoryAxis("Month");
        monthAxis.setLabelFont(LABEL);
        monthAxis.setCategoryMargin(0.25);
        if (summary.byMonth().size() > 24) {
            monthAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }

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
        style(plot);
        if (!any) {
            // no scale of nothing: the message alone, under the same title and axis names
            valueAxis.setTickLabelsVisible(false);
            valueAxis.setTickMarksVisible(false);
            plot.setRangeGridlinesVisible(false);
        }

        var chart = new JFreeChart("Income and expenses, " + period(summary.period()), TITLE, plot, true);
        var total = totalFormat(money);
        chart.addSubtitle(0, new TextTitle("Income " + total.format(summary.income()) + " · expense " + total.format(summary.expense())
                + " · net " + total.format(summary.net()) + " " + summary.currency(), SUBTITLE));
        return svg(chart);
    }

    /** Each expense category's share of the period's expenses (income categories too when there are no expenses). */
    String categories(Summary summary) {
        var money = new Money(summary.currency());
        var type = summary.expense().signum() > 0 || summary.income().signum() == 0 ? TransactionType.EXPENSE : TransactionType.INCOME;
        var shares = summary.byCategory().stream()
                .filter(category -> category.type() == type && category.total().signum() > 0)
                .sorted((a, b) -> b.total().compareTo(a.total()))
                .toList();
        var slices = new ArrayList<Slice>();
        var other = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            if (i < MAX_SLICES || shares.size() == MAX_SLICES + 1) {
                slices.add(new Slice(shares.get(i).name(), shares.get(i).total()));
            } else {
                other = other.add(shares.get(i).total());
            }
        }
        if (other.signum() > 0) {
            slices.add(new Slice("Other", other));
        }
        var dataset = new DefaultPieDataset<String>();
        for (var slice : slices) {
            // two categories may share a name (one deleted and one new, or an income and an expense): keys must differ
            var key = slice.name();
            for (int n = 2; dataset.getIndex(key) >= 0; n++) {
                key = slice.name() + " (" + n + ")";
            }
            dataset.setValue(key, slice.total());
        }
        var plot = new PiePlot<String>(dataset);
        var percent = NumberFormat.getPercentInstance(Locale.ENGLISH);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {2}", amountFormat(money), percent));
        plot.setLegendLabelGenerator(new StandardPieSectionLabelGenerator("{0}  {1} " + summary.currency() + " ({2})",
                totalFormat(money), percent));
        plot.setLabelFont(LABEL);
        plot.setLabelBackgroundPaint(Color.WHITE);
        plot.setLabelOutlinePaint(GRID);
        plot.setLabelShadowPaint(null);
        plot.setShadowPaint(null);
        plot.setSectionOutlinesVisible(true);
        plot.setDefaultSectionOutlinePaint(Color.WHITE);
        plot.setDefaultSectionOutlineStroke(new BasicStroke(1.5f));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage(NO_DATA);
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        for (int i = 0; i < slices.size(); i++) {
            plot.setSectionPaint(dataset.getKey(i), PALETTE[i % PALETTE.length]);
        }
        var what = type == TransactionType.EXPENSE ? "Expenses" : "Income";
        var chart = new JFreeChart(what + " by category, " + period(summary.period()), TITLE, plot, true);
        var total = type == TransactionType.EXPENSE ? summary.expense() : summary.income();
        chart.addSubtitle(0, new TextTitle(what + " " + totalFormat(money).format(total) + " " + summary.currency(), SUBTITLE));
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        chart.getLegend().setItemFont(LABEL);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return svg(chart);
    }

    private record Slice(String name, BigDecimal total) {}

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage(NO_DATA);
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        plot.setRangeZeroBaselineVisible(true);
    }

    private static String svg(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        var graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        // the element without the SVG 1.0 DOCTYPE getSVGDocument() adds: no reader should fetch a DTD
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + graphics.getSVGElement() + "\n";
    }

    private static NumberFormat amountFormat(Money money) {
        var format = (DecimalFormat) NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(money.digits());
        format.setGroupingUsed(true);
        return format;
    }

    /** Totals in subtitles and legends: grouped, with exactly the currency's digits. */
    private static NumberFormat totalFormat(Money money) {
        var format = amountFormat(money);
        format.setMinimumFractionDigits(money.digits());
        return format;
    }

    static String period(Period period) {
        var first = MONTH.format(period.first());
        var last = MONTH.format(period.last());
        return first.equals(last) ? first : first + " – " + last;
    }
}
