package dev.patchchain.fleet.server;

import static dev.patchchain.fleet.TestSnapshots.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.fleet.TestSnapshots;
import dev.patchchain.fleet.store.TestDatabases;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard as a person sees it, in Debian's headless Chromium through Selenium (no browser download): the
 * numbers, the charts' labels, the stale list, and that it fits a laptop screen. Writes
 * {@code target/dashboard.png}. Skipped without Chromium, except under {@code CI=true}.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void the_dashboard_shows_the_fleet_at_a_glance() throws Exception {
        requireChromium();
        try (ServerFixture fixture = new ServerFixture(TestDatabases.sqlite(dir), Clock.fixed(NOW, ZoneOffset.UTC), true)) {
            fixture.store.ingestAll(List.of(
                    TestSnapshots.downgrading("ws-1", "1", NOW.minusSeconds(60), "C:\\Windows\\System32\\foo.dll"),
                    TestSnapshots.downgrading("ws-2", "1", NOW.minusSeconds(90), "C:\\Windows\\System32\\foo.dll",
                            "C:\\Windows\\System32\\drivers\\bar.sys"),
                    TestSnapshots.rebootPending("ws-3", "1", NOW.minus(Duration.ofDays(1)), 4),
                    TestSnapshots.clean("ws-4", "1", NOW.minus(Duration.ofDays(40)))));
            ChromeDriver browser = browser();
            try {
                browser.manage().window().setSize(new Dimension(1366, 900));
                browser.get(fixture.server.uri().toString());

                assertThat(browser.getTitle()).isEqualTo("patchchain fleet report");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fleet report");
                assertThat(cards(browser)).contains("4 machines", "2 downgrade", "1 reboot pending", "1 clean",
                        "1 not scanned for 30 days");
                WebElement downgrades = browser.findElement(By.cssSelector("#downgrades svg"));
                assertThat(downgrades.findElements(By.cssSelector("g.bar"))).hasSize(2);
                assertThat(downgrades.getText()).contains("C:\\Windows\\System32\\foo.dll").contains("2");
                assertThat(browser.findElement(By.cssSelector("#stale table")).getText()).contains("ws-4");
                assertThat(browser.findElements(By.cssSelector("#trend g.day"))).hasSize(2);
                long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as("horizontal scrolling on a 1366 px screen").isLessThanOrEqualTo(0);

                File shot = browser.getScreenshotAs(OutputType.FILE);
                Path target = Files.createDirectories(Path.of("target"));
                Files.copy(shot.toPath(), target.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
    }

    private static List<String> cards(ChromeDriver browser) {
        return browser.findElements(By.cssSelector(".card")).stream()
                .map(c -> c.getText().replace('\n', ' ')).toList();
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("the dashboard test is required under CI=true: " + why);
        }
        System.err.println("SKIPPED dashboard browser test: " + why);
        Assumptions.abort(why);
    }
}
