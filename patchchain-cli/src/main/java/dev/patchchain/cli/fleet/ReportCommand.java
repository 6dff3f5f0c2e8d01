package dev.patchchain.cli.fleet;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.fleet.report.FleetReport;
import dev.patchchain.fleet.report.ReportCsv;
import dev.patchchain.fleet.report.ReportHtml;
import dev.patchchain.fleet.report.ReportJson;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.MachineSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchchain report}: the organisation view from the fleet store, as HTML, CSV or JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The organisation view: machines by status, reboots pending, downgrades by file, machines not "
                + "scanned for N days, the trend over 30 days.",
                "--html writes DIR/index.html (static, offline, inline SVG charts); --csv writes one row per machine; "
                        + "--json prints the report."})
public final class ReportCommand implements Callable<Integer> {

    private static final int PAGE = 10_000;

    /** Exactly one output. */
    static final class Output {
        @Option(names = "--html", paramLabel = "DIR", description = "Write DIR/index.html.")
        Path html;

        @Option(names = "--csv", paramLabel = "FILE", description = "Write the machines as CSV.")
        Path csv;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;
    }

    private final CliContext context;

    @Mixin
    private StoreOption store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Output output;

    @Option(names = "--stale-days", paramLabel = "N", defaultValue = "30",
            description = "Machines whose latest scan is older than N days are listed as not scanned (default: ${DEFAULT-VALUE}).")
    private int staleDays;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try (FleetStore fleet = FleetStore.open(store.location(context), Clock.systemUTC())) {
            if (output.csv != null) {
                Path file = context.resolve(output.csv.toString());
                Files.writeString(file, ReportCsv.render(allMachines(fleet)), StandardCharsets.UTF_8);
                context.err().println("patchchain report: wrote " + file);
                return ExitCode.CLEAN.code();
            }
            FleetReport report = fleet.report(staleDays);
            if (output.json) {
                context.out().println(Json.write(ReportJson.report(report)));
            } else {
                Path dir = Files.createDirectories(context.resolve(output.html.toString()));
                Files.writeString(dir.resolve("index.html"), ReportHtml.render(report), StandardCharsets.UTF_8);
                context.err().println("patchchain report: wrote " + dir.resolve("index.html"));
            }
        }
        return ExitCode.CLEAN.code();
    }

    private static List<MachineSummary> allMachines(FleetStore fleet) throws IOException {
        List<MachineSummary> all = new ArrayList<>();
        List<MachineSummary> page;
        do {
            page = fleet.machines(PAGE, all.size());
            all.addAll(page);
        } while (page.size() == PAGE);
        return all;
    }
}
