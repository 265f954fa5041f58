using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Assistant.Tests.Web;

/// <summary>
/// Headless Chromium from the distribution's packages (chromium and chromium-driver), driven by Selenium, one per
/// test class. Where they are not installed, <see cref="BrowserFactAttribute"/> skips the test and says so: the
/// rest of the suite does not depend on a browser.
/// </summary>
public sealed class Browser : IDisposable
{
    /// <summary>Where the distribution installs them (override with CHROMIUM_BIN and CHROMEDRIVER_BIN).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_BIN") ?? "/usr/bin/chromium";

    public static readonly string DriverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER_BIN") ?? "/usr/bin/chromedriver";

    private readonly Lazy<ChromeDriver> _driver = new(Start);

    public static bool Available => File.Exists(ChromiumPath) && File.Exists(DriverPath);

    /// <summary>Why a browser test is skipped here; null when it can run.</summary>
    public static string? Missing => Available
        ? null
        : $"Headless Chromium is not installed ({ChromiumPath}, {DriverPath}): apt-get install chromium chromium-driver, or set CHROMIUM_BIN and CHROMEDRIVER_BIN. .ci/run installs them when it may.";

    public ChromeDriver Driver => _driver.Value;

    /// <summary>Opens a page at a phone's width (360 px) or wider, and waits until <paramref name="ready"/> holds.</summary>
    public void Open(string url, Func<IWebDriver, bool> ready, int width = 360)
    {
        Driver.Manage().Window.Size = new System.Drawing.Size(width, 800);

        // Another fragment of the same address is not a new page: leave first, so the page starts again.
        Driver.Navigate().GoToUrl("about:blank");
        Driver.Navigate().GoToUrl(url);
        Wait(ready);
    }

    public void Wait(Func<IWebDriver, bool> condition) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(10)) { PollingInterval = TimeSpan.FromMilliseconds(50) }
            .Until(d =>
            {
                try
                {
                    return condition(d);
                }
                catch (StaleElementReferenceException)
                {
                    return false;
                }
            });

    public string Text(string cssSelector) => Driver.FindElement(By.CssSelector(cssSelector)).Text;

    /// <summary>The item numbers of the rows the table shows now.</summary>
    public List<string> Rows() =>
        [.. Driver.FindElements(By.CssSelector("#rows tr[data-code]")).Select(r => r.GetAttribute("data-code") ?? "")];

    /// <summary>A screenshot of the whole page (its full height) saved under the test output's screenshots folder.</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var height = Convert.ToInt32(Driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        var size = Driver.Manage().Window.Size;
        Driver.Manage().Window.Size = new System.Drawing.Size(size.Width, Math.Clamp(height, 400, 4000));
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        Driver.Manage().Window.Size = size;
        return path;
    }

    public void Dispose()
    {
        if (_driver.IsValueCreated)
        {
            _driver.Value.Quit();
            _driver.Value.Dispose();
        }
    }

    private static ChromeDriver Start()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--lang=zh-CN", "--force-device-scale-factor=1");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(30));
    }
}

/// <summary>A test that needs headless Chromium: skipped, with the reason, where it is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Missing is { } why)
        {
            Skip = why;
        }
    }
}
