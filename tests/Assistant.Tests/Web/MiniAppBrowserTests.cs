using Assistant.Core.Findings;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Assistant.Tests.Web;

/// <summary>
/// The Mini App's page in headless Chromium, opened as Telegram opens it (signed start data in the launch address's
/// fragment, no telegram-web-app.js): what each person sees, refusals, a filter and a step that the chat then shows.
/// Screenshots of the ledger and the dashboard go to the test output's screenshots folder.
/// </summary>
public sealed class MiniAppBrowserTests(Browser browser, ITestOutputHelper output) : IClassFixture<Browser>
{
    private static readonly string DarkTheme = """{"bg_color":"#17212b","text_color":"#f5f5f5","hint_color":"#708499","link_color":"#6ab3f3","button_color":"#5288c1","button_text_color":"#ffffff","secondary_bg_color":"#232e3c"}""";

    [BrowserFact]
    public async Task Ledger_EachReaderSeesTheirOwnItemsOnly_InTheirLanguage()
    {
        await using var web = await WebHarness.StartAsync();

        // The leader: the whole team's first page, the covert item marked, both tabs.
        Open(web, WebSeed.Leader);
        var leader = browser.Rows();
        Assert.Equal(await ApiRowsAsync(web, WebSeed.Leader), leader);
        Assert.Contains("G7-004", leader);
        Assert.Contains("暗访", browser.Text("#rows tr[data-code='G7-004'] .code"), StringComparison.Ordinal);
        Assert.Contains("第七组", browser.Text("#who"), StringComparison.Ordinal);
        Assert.True(browser.Driver.FindElement(By.Id("tab-dashboard")).Displayed);
        Assert.Equal("zh-CN", browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        output.WriteLine("ledger (leader, 360 px): " + browser.Screenshot("ledger-leader-360"));

        // A member: not the covert item recorded by someone else.
        Open(web, WebSeed.Member);
        var member = browser.Rows();
        Assert.Equal(await ApiRowsAsync(web, WebSeed.Member), member);
        Assert.NotEmpty(member);
        Assert.DoesNotContain("G7-004", member);
        Assert.DoesNotContain("液化气", browser.Driver.PageSource, StringComparison.Ordinal);

        // The contact: their own two items and no dashboard.
        Open(web, WebSeed.Contact);
        Assert.Equal(["G7-001", "G7-007"], browser.Rows().Order());
        Assert.False(browser.Driver.FindElement(By.Id("tab-dashboard")).Displayed);

        // Another team's leader: their three items, nothing of 第七组.
        Open(web, WebSeed.OtherLeader);
        Assert.Equal(["G8-001", "G8-002", "G8-003"], browser.Rows().Order());
        Assert.DoesNotContain("G7-", browser.Driver.PageSource, StringComparison.Ordinal);

        // A member who reads English.
        Open(web, WebSeed.EnglishMember);
        Assert.Equal("en", browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal("Ledger", browser.Text("#tab-ledger"));
        Assert.Matches(@"^\d+ items$", browser.Text("#summary"));
        Assert.DoesNotContain("G7-004", browser.Rows());

        // Its counts agree with their number: "1 day overdue", "3 days overdue".
        var late = browser.Driver.FindElements(By.CssSelector("#rows td.overdue.late")).Select(e => e.GetAttribute("textContent") ?? "").ToList();
        Assert.Contains("1 day overdue", late);
        Assert.Contains("3 days overdue", late);
        Assert.All(late, l => Assert.Matches(@"^(1 day|([02-9]|\d\d+) days) overdue$", l));
    }

    [BrowserFact]
    public async Task ForgedExpiredOrMissingStartData_ShowsTheRefusal_AndNothingElse()
    {
        await using var web = await WebHarness.StartAsync();
        var forged = web.InitData(WebSeed.Member).Replace("%22id%22%3A603", "%22id%22%3A601", StringComparison.Ordinal);
        Assert.NotEqual(web.InitData(WebSeed.Member), forged);
        // None first: the page keeps the start data it was opened with for the tab (a reload inside Telegram loses the fragment).
        var cases = new (string? InitData, string Says)[]
        {
            (null, "无法确认您的身份"),
            (forged, "校验未通过"),
            (web.InitData(WebSeed.Leader, age: TimeSpan.FromHours(2)), "已过期"),
        };

        foreach (var (initData, says) in cases)
        {
            var url = initData is null ? web.Server.Address!.ToString() : InitDataSigner.LaunchUrl(web.Server.Address!, initData);
            browser.Open(url, d => d.FindElement(By.Id("notice")).GetAttribute("class")!.Contains("error", StringComparison.Ordinal));
            Assert.Contains(says, browser.Text("#notice"), StringComparison.Ordinal);
            Assert.Empty(browser.Rows());
            Assert.Equal("", browser.Text("#who"));
            Assert.DoesNotContain("G7-", browser.Driver.PageSource, StringComparison.Ordinal);
        }
    }

    [BrowserFact]
    public async Task FilterAndExtendDeadline_OnThePage_TheChatsLedgerShowsIt()
    {
        await using var web = await WebHarness.StartAsync();
        Open(web, WebSeed.Leader, width: 1000);

        // A filter as /ledger takes it: the unit's words.
        var search = browser.Driver.FindElement(By.Id("f-q"));
        search.SendKeys("长沙某商场");
        browser.Driver.FindElement(By.Id("f-apply")).Click();
        browser.Wait(_ => browser.Rows() is ["G7-001"]);

        // The card, the extend step, its form: the new deadline and the reason.
        browser.Driver.FindElement(By.CssSelector("#rows tr[data-code='G7-001']")).Click();
        browser.Wait(d => d.FindElement(By.Id("item")).Displayed && d.FindElements(By.CssSelector("#item button[data-step='extend']")).Count == 1);
        Assert.Contains("长沙某商场", browser.Text("#item"), StringComparison.Ordinal);
        browser.Driver.FindElement(By.CssSelector("#item button[data-step='extend']")).Click();
        var date = browser.Driver.FindElement(By.CssSelector("form.step input[name='deadline']"));
        browser.Driver.ExecuteScript("arguments[0].value = '2023-12-15';", date);
        browser.Driver.FindElement(By.CssSelector("form.step textarea[name='reason']")).SendKeys("需要购置设备");
        browser.Driver.FindElement(By.CssSelector("form.step button[type='submit']")).Click();
        browser.Wait(d => d.FindElement(By.Id("notice")).GetAttribute("class")!.Contains("done", StringComparison.Ordinal));
        Assert.Contains("2023年12月15日", browser.Text("#item"), StringComparison.Ordinal);

        // The same step as the chat's: stored, and the chat's ledger shows the new deadline.
        var finding = web.Core.Get<FindingStore>().GetByCode("G7-001")!;
        Assert.Equal(new DateOnly(2023, 12, 15), finding.Deadline);
        web.Core.Send(WebSeed.Leader, "/ledger 长沙某商场");
        Assert.Contains(web.Core.LastText(WebSeed.Leader).Split('\n'), l => l.StartsWith("G7-001", StringComparison.Ordinal) && l.Contains("2023年12月15日", StringComparison.Ordinal));

        // Back to the list: it reads the item again. (From the top of the page: the sticky header would take a click the driver scrolls under it.)
        browser.Driver.ExecuteScript("window.scrollTo(0, 0);");
        browser.Driver.FindElement(By.CssSelector("#item button.link")).Click();
        browser.Wait(d => d.FindElement(By.Id("ledger")).Displayed && d.FindElement(By.CssSelector("#rows tr[data-code='G7-001'] .deadline")).Text.Contains("2023年12月15日", StringComparison.Ordinal));
        output.WriteLine("ledger (leader, filtered, 1000 px): " + browser.Screenshot("ledger-leader-filtered"));
    }

    [BrowserFact]
    public async Task Dashboard_InTelegramsDarkTheme_CountsTheTeamsItems()
    {
        await using var web = await WebHarness.StartAsync();
        var launch = InitDataSigner.LaunchUrl(web.Server.Address!, web.InitData(WebSeed.Leader), "view=dashboard", DarkTheme);
        browser.Open(launch, d => d.FindElements(By.CssSelector("#dashboard .tile")).Count == 3);

        Assert.Equal("dark", browser.Driver.FindElement(By.TagName("html")).GetAttribute("data-theme"));
        Assert.Equal("rgba(23, 33, 43, 1)", browser.Driver.FindElement(By.TagName("body")).GetCssValue("background-color"));
        var total = (await WebHarness.JsonAsync(await web.GetAsync("api/dashboard", WebSeed.Leader)))["total"]!.ToString();
        Assert.Equal(total, browser.Text("#dashboard .tile b"));
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("#dashboard [data-panel='trend'] .week")));
        output.WriteLine("dashboard (leader, dark, 360 px): " + browser.Screenshot("dashboard-leader-dark-360"));

        // The ledger tab of the same page, also kept for the output.
        browser.Driver.FindElement(By.Id("tab-ledger")).Click();
        browser.Wait(d => d.FindElements(By.CssSelector("#rows tr[data-code]")).Count > 0);
        output.WriteLine("ledger (leader, dark, 360 px): " + browser.Screenshot("ledger-leader-dark-360"));
    }

    private void Open(WebHarness web, long user, int width = 360) =>
        browser.Open(InitDataSigner.LaunchUrl(web.Server.Address!, web.InitData(user)), d => d.FindElements(By.CssSelector("#rows tr")).Count > 0 && d.FindElement(By.Id("summary")).Text.Length > 0 && !d.FindElement(By.Id("summary")).Text.Contains('…', StringComparison.Ordinal), width);

    private static async Task<List<string>> ApiRowsAsync(WebHarness web, long user) =>
        [.. (await WebHarness.JsonAsync(await web.GetAsync("api/ledger", user)))["items"]!.AsArray().Select(i => (string)i!["code"]!)];
}
