package vn.phonghop.server.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser session (the console, a tablet or the room display): Chromium from the system with
 * exactly the flags of DESIGN.md, so nothing leaves the machine. Waits on conditions, never sleeps.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-extensions", "--no-pings", "--disable-domain-reliability",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
    /**
     * Keeps a handle on every WebSocket the page opens, so a test can cut a tablet's connection
     * the way a flaky network would; the application's code is untouched.
     */
    private static final String SOCKET_REGISTRY = "(() => { const Native = window.WebSocket; window.__sockets = [];"
            + " window.WebSocket = class extends Native { constructor(...a) { super(...a); window.__sockets.push(this); } }; })();";

    final String name;
    final ChromeDriver driver;

    private Browser(String name, ChromeDriver driver) {
        this.name = name;
        this.driver = driver;
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    static Browser open(String name, int width, int height) {
        var options = new ChromeOptions().setBinary(CHROMIUM).addArguments(FLAGS);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        // the page itself gets exactly width × height, as on the device (the window's own frame aside)
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SOCKET_REGISTRY));
        return new Browser(name, driver);
    }

    void go(String url) {
        driver.get(url);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    WebElement find(String css) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement e = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        e.clear();
        e.sendKeys(text);
    }

    void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    /** Chooses the first option whose label contains {@code text} (once there is one) and returns its value. */
    String selectContaining(String css, String text) {
        waiting().withMessage(() -> name + ": an option with '" + text + "' in " + css)
                .until(d -> find(css).findElements(By.tagName("option")).stream().anyMatch(o -> o.getText().contains(text)));
        var option = find(css).findElements(By.tagName("option")).stream().filter(o -> o.getText().contains(text)).findFirst().orElseThrow();
        String value = option.getAttribute("value");
        select(css, value);
        return value;
    }

    /** Waits until the element's visible text contains {@code text}. */
    void waitText(String css, String text) {
        waiting().withMessage(() -> name + ": '" + text + "' in " + css + " (was '" + textOf(css) + "')")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void waitVisible(String css) {
        waiting().withMessage(() -> name + ": " + css + " visible")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitGone(String css) {
        waiting().withMessage(() -> name + ": " + css + " gone")
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitAttribute(String css, String attribute, String value) {
        waiting().withMessage(() -> name + ": " + css + "[" + attribute + "=" + value + "]")
                .until(ExpectedConditions.attributeToBe(By.cssSelector(css), attribute, value));
    }

    String textOf(String css) {
        var found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Network emulation: offline refuses every new connection, as a tablet out of Wi-Fi range. */
    void network(boolean online) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Closes every WebSocket the page has open, as a dropped connection would. */
    void dropSockets() {
        js("window.__sockets.forEach(s => s.close());");
    }

    void screenshot(String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path tmp = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(tmp, SCREENSHOTS.resolve(file + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
