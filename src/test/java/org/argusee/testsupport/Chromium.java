package org.argusee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium with a fresh profile, driven by its chromium-driver; nothing is downloaded (the
 * driver and the browser are given by path, so Selenium Manager never runs). Screenshots go to
 * target/screenshots/.
 */
public final class Chromium implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Chromium.class.getName());
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final URL base;

    private Chromium(ChromeDriver driver, Path profile, URL base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A browser for the server at {@code base}, 1280 x 900 pixels. */
    public static Chromium open(URL base) {
        BrowserPrerequisites.ensureInstalled();
        System.setProperty("webdriver.chrome.driver", BrowserPrerequisites.CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("argus-chromium-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(BrowserPrerequisites.CHROMIUM.toFile())
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-dev-shm-usage",
                            // Chromium looks up names of its own (clients2.google.com, even with the flags above)
                            // through the system's resolver: a packet off this machine. Behind a proxy it asks the
                            // proxy instead of DNS, and nothing answers at this one; the test server on loopback
                            // bypasses every proxy. (Mapping names to NOTFOUND with --host-resolver-rules is worse:
                            // a name not found sets off its DNS probe of google.com at 8.8.8.8.)
                            "--proxy-server=http://127.0.0.1:9",
                            "--window-size=1280,900",
                            // Chromium refuses some ports outright (10080, the test port at it.port.offset 2000,
                            // is one: "This site can't be reached"); the server's own port is always let through
                            "--explicitly-allowed-ports=" + port(base),
                            "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(BrowserPrerequisites.CHROMEDRIVER.toFile())
                    .withEnvironment(Map.of("SE_OFFLINE", "true"))
                    .build();
            return new Chromium(new ChromeDriver(service, options), profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a browser profile", e);
        }
    }

    private static int port(URL url) {
        return url.getPort() == -1 ? url.getDefaultPort() : url.getPort();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the server by its path relative to the root, e.g. "object.html?name=Top". */
    public Chromium go(String path) {
        driver.get(base.toString().replaceAll("/$", "") + "/" + path);
        return this;
    }

    /** Logs in through the form and waits for the page behind it to show the user. */
    public Chromium login(String user, String password) {
        go("login.html");
        // waited for, not looked up at once: on a loaded machine the form may come after the load event; and if it
        // never comes, the failure shows the page's text and console
        visible(By.id("username"), Duration.ofSeconds(20)).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        until(
                Duration.ofSeconds(20),
                d -> !d.findElements(By.id("user")).isEmpty()
                        && user.equals(d.findElement(By.id("user")).getText()));
        return this;
    }

    /** Waits until the page's script says it has drawn its data (body[data-ready]). */
    public Chromium waitReady(Duration within) {
        until(within, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return this;
    }

    public <T> T until(Duration within, Function<WebDriver, T> condition) {
        try {
            // a live page redraws rows at any time: an element gone since it was found is looked up again
            return new WebDriverWait(driver, within, Duration.ofMillis(50))
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    e.getMessage() + "\nbrowser console:\n" + console() + "\npage text:\n" + text(), e);
        }
    }

    public WebElement visible(By by, Duration within) {
        return until(within, ExpectedConditions.visibilityOfElementLocated(by)::apply);
    }

    /** Clicks the element, found again if the page redrew it meanwhile (live pages redraw at any time). */
    public void click(By by, Duration within) {
        until(within, d -> {
            try {
                d.findElement(by).click();
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return false;
            }
        });
    }

    /**
     * Types keys into the element, found again if the page redrew it between the look-up and the typing (a live push
     * replaces a row at any time); an element still missing at the deadline fails with the page's text.
     */
    public void sendKeys(By by, Duration within, CharSequence... keys) {
        until(within, d -> {
            try {
                d.findElement(by).sendKeys(keys);
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException | ElementNotInteractableException e) {
                return false;
            }
        });
    }

    /** Whether the element that has the keyboard focus matches the CSS selector. */
    public boolean focused(String css) {
        return Boolean.TRUE.equals(
                script("return document.activeElement !== null && document.activeElement.matches(arguments[0]);", css));
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** prefers-color-scheme as the page sees it: "dark" or "light". */
    public void colorScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** A phone's screen (390 x 844 CSS pixels, touch), or back to the desktop window with {@code false}. */
    public void phone(boolean phone) {
        if (phone) {
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        } else {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Saves what the window shows as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves the whole page, also what lies below the window, as target/screenshots/{name}.png. */
    @SuppressWarnings("unchecked")
    public Path screenshotFullPage(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return save(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Path save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, png);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    /** The page's text as shown, at most 3,000 characters, for failure messages. */
    public String text() {
        try {
            String text = String.valueOf(driver.executeScript("return document.body ? document.body.innerText : ''"));
            return text.length() > 3000 ? text.substring(0, 3000) + "..." : text;
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    /** What the page wrote to its console (errors, CSP refusals), for failure messages. */
    public String console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(e -> e.getLevel() + " " + e.getMessage())
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.fine("browser profile not removed: " + e.getMessage());
            }
        }
    }
}
