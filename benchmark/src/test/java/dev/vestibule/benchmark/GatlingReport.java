package dev.vestibule.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The statistics table of a Gatling HTML report, by request name. Gatling 3.16 writes its figures only into
 * the report's {@code index.html} (no JSON any more), so they are read back from there: columns 2-4 are the
 * total, OK and KO counts, 8-12 the 50th, 75th, 95th and 99th percentiles and the maximum (ms).
 */
final class GatlingReport {

    private final Map<String, RequestStats> byName;

    private GatlingReport(Map<String, RequestStats> byName) {
        this.byName = byName;
    }

    static GatlingReport read(Path reportFolder) throws IOException {
        Document page = Jsoup.parse(reportFolder.resolve("index.html").toFile());
        Map<String, RequestStats> byName = new LinkedHashMap<>();
        for (Element row : page.select("#container_statistics_body tr[id]")) {
            Element name = row.selectFirst(".ellipsed-name");
            if (name == null) {
                continue;
            }
            byName.put(
                    name.text(),
                    new RequestStats(
                            name.text(),
                            number(row, 2),
                            number(row, 3),
                            number(row, 4),
                            number(row, 8),
                            number(row, 9),
                            number(row, 10),
                            number(row, 11),
                            number(row, 12)));
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no statistics table in " + reportFolder.resolve("index.html"));
        }
        return new GatlingReport(byName);
    }

    /** The figures of one request name, or none if the workload never sent it. */
    RequestStats request(String name) {
        return byName.getOrDefault(name, RequestStats.NONE);
    }

    private static long number(Element row, int column) {
        Element cell = row.selectFirst("td.col-" + column);
        String text = cell == null ? "" : cell.text().replace(",", "").strip();
        if (text.isEmpty() || text.equals("-")) {
            return -1;
        }
        return Math.round(Double.parseDouble(text));
    }
}
