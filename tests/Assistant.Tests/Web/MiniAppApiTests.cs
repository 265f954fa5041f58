using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Core.Audit;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Leads;
using Assistant.Core.Ledger;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Tests.Web;

/// <summary>The Mini App's API over HTTP, on the real core: who sees what, steps, replays, conflicts with the chat, bad input.</summary>
public sealed class MiniAppApiTests
{
    private const string Extend = "api/items/G7-001/extend";

    [Fact]
    public async Task Ledger_EachReader_SeesExactlyWhatTheChatsLedgerShowsThem()
    {
        await using var web = await WebHarness.StartAsync();
        var queries = web.Core.Get<LedgerQueries>();
        var teams = web.Core.Get<TeamStore>();
        List<string> Chat(long user) =>
            [.. queries.All(new LedgerQuery { Scope = LedgerScope.All }, teams.GetMember(user)!, WebSeed.Today).Select(f => f.Code)];

        var leader = await web.CodesAsync(WebSeed.Leader);
        var member = await web.CodesAsync(WebSeed.Member);
        var covertAuthor = await web.CodesAsync(WebSeed.CovertAuthor);
        var contact = await web.CodesAsync(WebSeed.Contact);
        var other = await web.CodesAsync(WebSeed.OtherLeader);

        Assert.Equal(WebSeed.TeamSize, leader.Count);
        Assert.Contains("G7-004", leader);
        Assert.DoesNotContain("G7-004", member);
        Assert.Equal(WebSeed.TeamSize - 1, member.Count);
        Assert.Contains("G7-004", covertAuthor);
        Assert.Equal(["G7-001", "G7-007"], contact.Order());
        Assert.Equal(["G8-001", "G8-002", "G8-003"], other.Order());
        foreach (var (user, codes) in new[] { (WebSeed.Leader, leader), (WebSeed.Member, member), (WebSeed.Contact, contact), (WebSeed.OtherLeader, other) })
        {
            Assert.Equal(Chat(user).Order(), codes.Order());
        }
    }

    [Fact]
    public async Task Item_AnotherTeamsOrAHiddenItem_AnswersExactlyAsOneThatDoesNotExist()
    {
        await using var web = await WebHarness.StartAsync();
        var missing = await web.GetAsync("api/items/G7-999", WebSeed.OtherLeader);
        var missingBody = await missing.Content.ReadAsStringAsync();

        foreach (var (user, code) in new[] { (WebSeed.OtherLeader, "G7-002"), (WebSeed.Member, "G7-004"), (WebSeed.Contact, "G7-002"), (WebSeed.Leader, "G8-001") })
        {
            var response = await web.GetAsync("api/items/" + code, user);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(missingBody.Replace("G7-999", code, StringComparison.Ordinal), body.Replace("G7-999", code, StringComparison.Ordinal));
            Assert.DoesNotContain("某化工", body, StringComparison.Ordinal);
            Assert.DoesNotContain("液化气", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var extend = await web.PostAsync("api/items/G7-001/extend", WebSeed.OtherLeader, new { deadline = "2023-12-31", reason = "伪造" }, "\"1\"");
        Assert.Equal(HttpStatusCode.NotFound, extend.StatusCode);
        Assert.Equal(new DateOnly(2023, 11, 15), Finding(web, "G7-001").Deadline);
        Assert.Contains(web.Core.Get<AuditLog>().ForActor(WebSeed.OtherLeader), e => e.Action == "denied");
    }

    [Fact]
    public async Task Requests_UnsignedForgedExpiredOrFromAStranger_GetNothing()
    {
        await using var web = await WebHarness.StartAsync();
        var forged = web.InitData(WebSeed.Leader).Replace("%22id%22%3A601", "%22id%22%3A701", StringComparison.Ordinal);
        var otherBot = InitDataSigner.Sign("7000002:AAAnotherBotsTokenForTests_01234567", WebSeed.Leader, WebSeed.Now);
        var cases = new (string? InitData, HttpStatusCode Status, string Error)[]
        {
            (null, HttpStatusCode.Unauthorized, "unsigned"),
            ("", HttpStatusCode.Unauthorized, "unsigned"),
            (forged, HttpStatusCode.Unauthorized, "invalid"),
            (otherBot, HttpStatusCode.Unauthorized, "invalid"),
            (web.InitData(WebSeed.Leader, age: TimeSpan.FromMinutes(61)), HttpStatusCode.Unauthorized, "expired"),
            (web.InitData(WebSeed.Stranger), HttpStatusCode.Forbidden, "not_member"),
        };

        foreach (var (initData, status, error) in cases)
        {
            foreach (var path in new[] { "api/session", "api/ledger", "api/dashboard", "api/items/G7-001" })
            {
                var response = await web.GetAsync(path, initData);
                var body = await WebHarness.JsonAsync(response);
                Assert.Equal(status, response.StatusCode);
                Assert.Equal(error, (string?)body["error"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
                Assert.Null(body["items"]);
                Assert.DoesNotContain("长沙", body.Text(), StringComparison.Ordinal);
            }
        }

        var step = await web.PostAsync(Extend, WebSeed.Leader, new { deadline = "2023-12-31", reason = "x" }, "\"1\"", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, step.StatusCode);
        Assert.Equal(new DateOnly(2023, 11, 15), Finding(web, "G7-001").Deadline);
    }

    [Fact]
    public async Task InitData_IsValidUntilItsAgeRunsOut_ThenRefusedAsExpired()
    {
        await using var web = await WebHarness.StartAsync(new Dictionary<string, string?> { ["Web:InitDataMaxAgeMinutes"] = "30" });
        var initData = web.InitData(WebSeed.Leader);

        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("api/ledger", initData)).StatusCode);
        web.Core.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("api/ledger", initData)).StatusCode);
        web.Core.Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await web.GetAsync("api/ledger", initData);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("已过期", (string?)(await WebHarness.JsonAsync(expired))["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendDeadline_FromThePage_IsTheChatsStep_AndTheChatsLedgerShowsIt()
    {
        await using var web = await WebHarness.StartAsync();
        var card = await web.GetAsync("api/items/G7-001", WebSeed.Leader);
        var etag = card.Headers.ETag!.Tag;

        var response = await web.PostAsync(Extend, WebSeed.Leader, new { deadline = "2023-12-15", reason = "需要购置设备" }, etag);
        var body = await WebHarness.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2023-12-15", (string?)body["item"]!["deadline"]);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        var f = Finding(web, "G7-001");
        Assert.Equal(new DateOnly(2023, 12, 15), f.Deadline);
        Assert.Equal("需要购置设备", Assert.Single(f.DeadlineChanges).Reason);
        Assert.Contains(web.Core.Get<FindingStore>().ChangesOf(f.Id), c => c.Field == "deadline" && c.NewValue == "2023-12-15 (需要购置设备)");

        // The contact and the author are told, as after the chat's step; the chat's ledger shows the new deadline.
        Assert.Contains("延期", web.Core.LastText(WebSeed.Contact), StringComparison.Ordinal);
        Assert.Contains("延期", web.Core.LastText(WebSeed.Member), StringComparison.Ordinal);
        web.Core.Send(WebSeed.Leader, "/ledger 长沙某商场");
        Assert.Contains(web.Core.LastText(WebSeed.Leader).Split('\n'), l => l.StartsWith("G7-001", StringComparison.Ordinal) && l.Contains("2023年12月15日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayedAction_IsRefusedWithTheCurrentState_AndChangesNothing()
    {
        await using var web = await WebHarness.StartAsync();
        var etag = (await web.GetAsync("api/items/G7-001", WebSeed.Leader)).Headers.ETag!.Tag;
        var initData = web.InitData(WebSeed.Leader);
        var first = await web.PostAsync(Extend, WebSeed.Leader, new { deadline = "2023-12-15", reason = "需要购置设备" }, etag, initData);

        // The very same request again (same start data, same body, same tag), then with fresh start data.
        var replay = await web.PostAsync(Extend, WebSeed.Leader, new { deadline = "2023-12-15", reason = "需要购置设备" }, etag, initData);
        var again = await web.PostAsync(Extend, WebSeed.Leader, new { deadline = "2023-12-31", reason = "再次延期" }, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var refused in new[] { replay, again })
        {
            var body = await WebHarness.JsonAsync(refused);
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
            Assert.Equal("stale", (string?)body["error"]);
            Assert.Equal("2023-12-15", (string?)body["item"]!["deadline"]);
            Assert.Contains("最新", (string?)body["message"], StringComparison.Ordinal);
        }

        Assert.Single(Finding(web, "G7-001").DeadlineChanges);
    }

    [Fact]
    public async Task ConcurrentEdit_TheChatFirst_ThePageIsRefusedWithTheChatsState()
    {
        await using var web = await WebHarness.StartAsync();
        var etag = (await web.GetAsync("api/items/G7-007", WebSeed.Leader)).Headers.ETag!.Tag;

        ExtendInChat(web, "G7-007", "12-01", "等待设备到货", confirm: true);
        var page = await web.PostAsync("api/items/G7-007/extend", WebSeed.Leader, new { deadline = "2023-12-20", reason = "页面上的理由" }, etag);
        var body = await WebHarness.JsonAsync(page);

        Assert.Equal(HttpStatusCode.PreconditionFailed, page.StatusCode);
        Assert.Equal("2023-12-01", (string?)body["item"]!["deadline"]);
        Assert.Contains("等待设备到货", body["item"]!.Text(), StringComparison.Ordinal);
        var f = Finding(web, "G7-007");
        Assert.Equal(new DateOnly(2023, 12, 1), f.Deadline);
        Assert.Equal("等待设备到货", Assert.Single(f.DeadlineChanges).Reason);
    }

    [Fact]
    public async Task ConcurrentEdit_ThePageFirst_TheChatsConfirmationIsStaleAndChangesNothing()
    {
        await using var web = await WebHarness.StartAsync();
        ExtendInChat(web, "G7-008", "12-01", "聊天中的理由", confirm: false);
        var etag = (await web.GetAsync("api/items/G7-008", WebSeed.Leader)).Headers.ETag!.Tag;
        var page = await web.PostAsync("api/items/G7-008/extend", WebSeed.Leader, new { deadline = "2023-12-20", reason = "页面上的理由" }, etag);

        web.Core.Press(WebSeed.Liaison, "确认");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("已过期", web.Core.LastText(WebSeed.Liaison), StringComparison.Ordinal);
        var f = Finding(web, "G7-008");
        Assert.Equal(new DateOnly(2023, 12, 20), f.Deadline);
        Assert.Equal("页面上的理由", Assert.Single(f.DeadlineChanges).Reason);
    }

    [Fact]
    public async Task Steps_AreCheckedByRoleAndState_AsInTheChat_AndTheOpinionIsKept()
    {
        await using var web = await WebHarness.StartAsync();
        async Task<(HttpStatusCode Status, JsonNode Body)> Step(long user, string code, string step, object body)
        {
            var etag = (await web.GetAsync("api/items/" + code, user)).Headers.ETag?.Tag ?? "\"0\"";
            var response = await web.PostAsync($"api/items/{code}/{step}", user, body, etag);
            return (response.StatusCode, await WebHarness.JsonAsync(response));
        }

        var memberExtends = await Step(WebSeed.Member, "G7-001", "extend", new { deadline = "2023-12-31", reason = "想延期" });
        var contactVerifies = await Step(WebSeed.Contact, "G7-001", "verify", new { });
        var contactStarts = await Step(WebSeed.Contact, "G7-001", "start", new { });
        var contactSubmits = await Step(WebSeed.Contact, "G7-001", "submit", new { note = "已清理消防通道并增设标识" });
        var memberVerifies = await Step(WebSeed.Member, "G7-001", "verify", new { opinion = "现场复核合格" });
        var leaderSendsBack = await Step(WebSeed.Leader, "G7-001", "reject", new { reason = "补充照片" });

        Assert.Equal(HttpStatusCode.Forbidden, memberExtends.Status);
        Assert.Contains("由组长或联络员操作", (string?)memberExtends.Body["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, contactVerifies.Status);
        Assert.Contains("目前是“已指派”", (string?)contactVerifies.Body["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, contactStarts.Status);
        Assert.Equal("InProgress", (string?)contactStarts.Body["item"]!["statusValue"]);
        Assert.Equal(HttpStatusCode.OK, contactSubmits.Status);
        Assert.Equal(HttpStatusCode.OK, memberVerifies.Status);
        Assert.Equal("Closed", (string?)memberVerifies.Body["item"]!["statusValue"]);
        Assert.Contains("现场复核合格", memberVerifies.Body["item"]!["history"]!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, leaderSendsBack.Status);
        var f = Finding(web, "G7-001");
        Assert.Equal(RectificationStatus.Closed, f.Status);
        Assert.Equal("已清理消防通道并增设标识", f.FixNote);
        Assert.Equal("李明", f.VerifiedByName);
    }

    [Fact]
    public async Task Card_ShowsHistoryEvidenceAndOnlyTheStepsTheRoleAllows()
    {
        await using var web = await WebHarness.StartAsync();
        async Task<JsonNode> Card(long user, string code) => await WebHarness.JsonAsync(await web.GetAsync("api/items/" + code, user));
        List<string> Steps(JsonNode card) => [.. card["actions"]!.AsArray().Select(a => (string)a!["action"]!)];

        var leader = await Card(WebSeed.Leader, "G7-002");
        var member = await Card(WebSeed.Member, "G7-002");
        var contact = await Card(WebSeed.Contact, "G7-001");

        Assert.Equal(["submit", "extend", "fixonspot"], Steps(leader));
        Assert.Equal(["submit", "fixonspot"], Steps(member));
        Assert.Equal(["start", "submit"], Steps(contact));
        Assert.True((bool)leader["major"]!);
        Assert.Contains("企业停产检修", leader["rectification"]!.Text(), StringComparison.Ordinal);
        Assert.Equal("创建", (string?)leader["history"]![0]!["what"]);
        Assert.Equal("照片", (string?)leader["evidence"]![0]!["kind"]);
        Assert.Equal("现场照片.jpg", (string?)leader["evidence"]![0]!["name"]);
        Assert.Equal(10, (int)leader["daysOverdue"]!);
    }

    [Theory]
    [InlineData("api/ledger?foo=1", 400, "bad_parameter", "foo")]
    [InlineData("api/ledger?status=Nope", 400, "bad_parameter", "status")]
    [InlineData("api/ledger?status=1", 400, "bad_parameter", "status")]
    [InlineData("api/ledger?sector=Fire,Tourism", 400, "bad_parameter", "sector")]
    [InlineData("api/ledger?page=-1", 400, "bad_parameter", "page")]
    [InlineData("api/ledger?page=abc", 400, "bad_parameter", "page")]
    [InlineData("api/ledger?page=1&page=2", 400, "bad_parameter", "page")]
    [InlineData("api/ledger?size=1000", 400, "bad_parameter", "size")]
    [InlineData("api/ledger?sort=password", 400, "bad_parameter", "sort")]
    [InlineData("api/ledger?dir=up", 400, "bad_parameter", "dir")]
    [InlineData("api/ledger?q=a+b+c+d+e+f+g+h+i+j+k", 400, "too_many_words", "10")]
    [InlineData("api/items/DROP%20TABLE", 400, "bad_code", "G7-012")]
    [InlineData("api/items/G7-999", 404, "not_found", "没有找到")]
    [InlineData("api/nothing/here", 404, "unknown", "没有这个页面")]
    public async Task BadRequest_IsAnsweredWithItsStatusAndASentenceSayingWhatToDo(string path, int status, string error, string says)
    {
        await using var web = await WebHarness.StartAsync();

        var response = await web.GetAsync(path, WebSeed.Leader);
        var body = await WebHarness.JsonAsync(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(error, (string?)body["error"]);
        Assert.Contains(says, (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedOrMalformedQueries_AreAnsweredNotFailed()
    {
        await using var web = await WebHarness.StartAsync();

        var huge = await web.GetAsync("api/ledger?q=" + new string('a', 2100), WebSeed.Leader);
        var beyondKestrel = await web.GetAsync("api/ledger?q=" + new string('a', 9000), WebSeed.Leader);
        var badEscapes = await web.GetAsync("api/ledger?q=%E0%A4%A&city=%ZZ", WebSeed.Leader);
        var english = await web.GetAsync("api/ledger?foo=1", WebSeed.EnglishMember);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, huge.StatusCode);
        Assert.Contains("筛选条件太长", (string?)(await WebHarness.JsonAsync(huge))["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, beyondKestrel.StatusCode); // Kestrel's own limit, before any of ours
        Assert.Equal(HttpStatusCode.OK, badEscapes.StatusCode);
        Assert.Equal(0, (int)(await WebHarness.JsonAsync(badEscapes))["total"]!);
        Assert.Equal("Unrecognised filter: foo. Clear the filters and choose again.", (string?)(await WebHarness.JsonAsync(english))["message"]);
    }

    [Fact]
    public async Task BadSteps_AreRefusedWithTheReason_AndChangeNothing()
    {
        await using var web = await WebHarness.StartAsync();
        var etag = (await web.GetAsync("api/items/G7-001", WebSeed.Leader)).Headers.ETag!.Tag;
        var laterTag = (await web.GetAsync("api/items/G7-007", WebSeed.Leader)).Headers.ETag!.Tag;
        async Task<(int Status, string? Error, string? Message)> Post(object body, string? tag, string path = Extend)
        {
            var response = await web.PostAsync(path, WebSeed.Leader, body, tag);
            var json = await WebHarness.JsonAsync(response);
            return ((int)response.StatusCode, (string?)json["error"], (string?)json["message"]);
        }

        var cases = new[]
        {
            (await Post(new { deadline = "2023-12-15", reason = "x" }, null), 428, "if_match"),
            (await Post(new { deadline = "2023-13-45", reason = "x" }, etag), 400, "bad_date"),
            (await Post(new { deadline = "2023-11-01", reason = "x" }, etag), 400, "date_in_past"),
            (await Post(new { deadline = "2023-12-15" }, etag), 400, "reason_required"),
            (await Post(new { deadline = "2023-12-15", reason = new string('长', 1001) }, etag), 400, "too_long"),
            (await Post(new { deadline = "2023-11-22", reason = "提前" }, laterTag, "api/items/G7-007/extend"), 422, "refused"),
            (await Post(new { deadline = "2023-12-15", reason = "x" }, "\"garbage\""), 412, "stale"),
            (await Post(new { }, etag, "api/items/G7-001/explode"), 404, "unknown_step"),
            (await Post(new { note = "" }, etag, "api/items/G7-001/submit"), 400, "note_required"),
        };
        var text = new HttpRequestMessage(HttpMethod.Post, Extend) { Content = new StringContent("deadline=2023-12-15", Encoding.UTF8, "text/plain") };
        text.Headers.TryAddWithoutValidation("If-Match", etag);
        var notJson = await web.SendAsync(text, web.InitData(WebSeed.Leader));
        var broken = new HttpRequestMessage(HttpMethod.Post, Extend) { Content = new StringContent("{\"deadline\":", Encoding.UTF8, "application/json") };
        broken.Headers.TryAddWithoutValidation("If-Match", etag);
        var brokenJson = await web.SendAsync(broken, web.InitData(WebSeed.Leader));
        var huge = await web.PostAsync(Extend, WebSeed.Leader, new { deadline = "2023-12-15", reason = new string('x', 20_000) }, etag);

        foreach (var ((status, error, message), expected, expectedError) in cases)
        {
            Assert.True(status == expected && error == expectedError, $"{expectedError}: {status} {error} {message}");
            Assert.False(string.IsNullOrWhiteSpace(message));
        }

        Assert.Contains("晚于原期限的新期限", cases[5].Item1.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, brokenJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("太多", (string?)(await WebHarness.JsonAsync(huge))["message"], StringComparison.Ordinal);
        var f = Finding(web, "G7-001");
        Assert.Equal(new DateOnly(2023, 11, 15), f.Deadline);
        Assert.Equal(1, f.Revision);
    }

    [Fact]
    public async Task Session_SpeaksTheMembersLanguage_AndOffersOnlyTheirCities()
    {
        await using var web = await WebHarness.StartAsync();

        var english = await WebHarness.JsonAsync(await web.GetAsync("api/session", WebSeed.EnglishMember));
        var leader = await WebHarness.JsonAsync(await web.GetAsync("api/session", WebSeed.Leader));
        var contact = await WebHarness.JsonAsync(await web.GetAsync("api/session", WebSeed.Contact));
        List<string> Cities(JsonNode s) => [.. s["options"]!["city"]!.AsArray().Select(c => (string)c!["value"]!)];

        Assert.Equal("en", (string?)english["language"]);
        Assert.Equal("Ledger", (string?)english["texts"]!["tab.ledger"]);
        Assert.Equal("zh-CN", (string?)leader["language"]);
        Assert.Equal("台账", (string?)leader["texts"]!["tab.ledger"]);
        Assert.Equal("2023年11月20日", (string?)leader["todayLabel"]);
        Assert.True((bool)leader["dashboard"]!);
        Assert.False((bool)contact["dashboard"]!);
        Assert.Equal(["湘潭市", "长沙市"], Cities(contact).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("株洲市", Cities(leader)); // only a covert visit went there
        Assert.Contains("长沙市", Cities(leader));
    }

    [Fact]
    public async Task Ledger_FiltersAsInTheChat_SortsAndPages()
    {
        await using var web = await WebHarness.StartAsync();
        async Task<JsonNode> Page(string query) => await WebHarness.JsonAsync(await web.GetAsync("api/ledger?" + query, WebSeed.Leader));
        List<string> Codes(JsonNode page) => [.. page["items"]!.AsArray().Select(i => (string)i!["code"]!)];

        var typed = await Page("q=" + Uri.EscapeDataString("逾期 消防"));
        var chosen = await Page("scope=Overdue&sector=Fire");
        var major = await Page("severity=MajorHazard&scope=All");
        var city = await Page("city=" + Uri.EscapeDataString("湘潭市"));
        var byNumber = await Page("sort=number&dir=desc&size=5&page=1");
        var byOverdue = await Page("sort=overdue&dir=desc");
        var first = await Page("");

        Assert.Equal(["G7-001"], Codes(typed));
        Assert.Equal(Codes(typed), Codes(chosen));
        Assert.All(major["items"]!.AsArray(), i => Assert.True((bool)i!["major"]!));
        Assert.Contains("G7-002", Codes(major));
        Assert.Equal(["G7-007"], Codes(city));
        Assert.Equal(["G7-019", "G7-018", "G7-017", "G7-016", "G7-015"], Codes(byNumber));
        Assert.Equal(5, (int)byNumber["pages"]!);
        Assert.Equal("G7-002", Codes(byOverdue)[0]);
        Assert.Equal(20, Codes(first).Count);
        Assert.Equal(WebSeed.TeamSize - 1, (int)first["total"]!); // the closed G7-005 is not in the default scope
        web.Core.Send(WebSeed.Leader, "/ledger");
        Assert.Equal(Codes(first).Take(8), web.Core.LastText(WebSeed.Leader).Split('\n').Where(l => l.StartsWith("G7-", StringComparison.Ordinal)).Select(l => l[..6]));
    }

    [Fact]
    public async Task Dashboard_CountsAsStatsDoes_ForThoseStatsServes()
    {
        await using var web = await WebHarness.StartAsync();
        var dashboard = await WebHarness.JsonAsync(await web.GetAsync("api/dashboard", WebSeed.Leader));
        var member = await WebHarness.JsonAsync(await web.GetAsync("api/dashboard", WebSeed.Member));
        var contact = await web.GetAsync("api/dashboard", WebSeed.Contact);
        await web.Core.Get<LedgerJobs>().RunAsync(new Job { Kind = LedgerJobs.JobKind, Payload = new BsonDocument { ["what"] = "stats", ["user"] = WebSeed.Leader, ["chat"] = WebSeed.Leader } }, CancellationToken.None);
        var stats = web.Core.AllText(WebSeed.Leader);

        foreach (var group in new[] { "byStatus", "bySector", "byAspect", "bySeverity" })
        {
            foreach (var bar in dashboard[group]!.AsArray())
            {
                Assert.Contains($"\n{(string)bar!["label"]!}：{(int)bar["count"]!}\n", stats + "\n", StringComparison.Ordinal);
            }
        }

        Assert.Contains($"逾期未销号：{(int)dashboard["overdue"]!} 项", stats, StringComparison.Ordinal);
        Assert.Contains($"共 {(int)dashboard["total"]!} 项", stats, StringComparison.Ordinal);
        Assert.Equal(WebSeed.TeamSize - 1, (int)member["total"]!);
        Assert.Equal(HttpStatusCode.Forbidden, contact.StatusCode);
        Assert.Empty(dashboard["leads"]!.AsArray());
        var trend = dashboard["trend"]!.AsArray();
        Assert.Equal(8, trend.Count);
        Assert.Equal((int)dashboard["overdue"]!, (int)trend[^1]!["overdue"]!);
        var due = dashboard["dueSoon"]!.AsArray();
        Assert.Equal((int)dashboard["dueSoonCount"]!, due.Count);
        Assert.All(due, d => Assert.InRange((int)d!["daysLeft"]!, 0, 7));
    }

    [Fact]
    public async Task Dashboard_LeadsAwaitingAnswers_OnlyForTheLeaderTheLiaisonAndWhoTookIt()
    {
        await using var web = await WebHarness.StartAsync();
        var lead = web.Core.Get<LeadStore>().Add(web.Team.Id, LeadChannel.Tip, "岳麓区某工地夜间违规施工", "转交长沙市核查", WebSeed.Today.AddDays(5), WebSeed.Liaison, WebSeed.Now.UtcDateTime);
        Assert.NotNull(lead);

        async Task<List<string>> LeadsOf(long user) =>
            [.. (await WebHarness.JsonAsync(await web.GetAsync("api/dashboard", user)))["leads"]?.AsArray().Select(l => (string)l!["code"]!) ?? []];

        Assert.Equal([lead.Code], await LeadsOf(WebSeed.Leader));
        Assert.Equal([lead.Code], await LeadsOf(WebSeed.Liaison));
        Assert.Empty(await LeadsOf(WebSeed.Member));
        Assert.Empty(await LeadsOf(WebSeed.OtherLeader));
        var shown = (await WebHarness.JsonAsync(await web.GetAsync("api/dashboard", WebSeed.Leader)))["leads"]![0]!;
        Assert.Equal(("岳麓区某工地夜间违规施工", "2023年11月25日"), ((string)shown["subject"]!, (string)shown["due"]!));
    }

    [Fact]
    public async Task Item_WhoseTextNamedATipster_ShowsNoIdentity_AndAnExtensionsReasonIsScrubbed()
    {
        await using var web = await WebHarness.StartAsync();
        var h = web.Core;
        h.Send(WebSeed.Member, "/finding");
        h.Press(WebSeed.Member, "安全生产责任落实");
        h.Press(WebSeed.Member, "危险化学品");
        h.Press(WebSeed.Member, "实地检查");
        h.Press(WebSeed.Member, "明查");
        h.Send(WebSeed.Member, "长沙市");
        h.Send(WebSeed.Member, "长沙某加油站");
        h.Send(WebSeed.Member, "举报人张三电话13812345678反映长沙某加油站卸油区未设置静电接地装置");
        h.Press(WebSeed.Member, "描述完成");
        h.Press(WebSeed.Member, "一般隐患");
        h.Press(WebSeed.Member, "保存");
        var code = h.Get<FindingStore>().ByAuthor(Finding(web, "G7-001").TeamId, WebSeed.Member)[0].Code;

        var item = (await WebHarness.JsonAsync(await web.GetAsync("api/items/" + code, WebSeed.Leader))).Text();
        var etag = (await web.GetAsync("api/items/G7-001", WebSeed.Leader)).Headers.ETag!.Tag;
        var extended = await web.PostAsync(Extend, WebSeed.Leader, new { deadline = "2023-12-15", reason = "举报人张三来电同意延期，电话13812345678" }, etag);

        Assert.Contains("卸油区未设置静电接地装置", item, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var reason = Assert.Single(Finding(web, "G7-001").DeadlineChanges).Reason;
        foreach (var text in new[] { item, reason, (await WebHarness.JsonAsync(extended)).Text() })
        {
            Assert.DoesNotContain("张三", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        }
    }

    private static Finding Finding(WebHarness web, string code) => web.Core.Get<FindingStore>().GetByCode(code)!;

    /// <summary>The liaison extends an item's deadline in the chat, as a person would, and confirms (or not yet).</summary>
    private static void ExtendInChat(WebHarness web, string code, string date, string reason, bool confirm)
    {
        var f = Finding(web, code);
        web.Core.PressData(WebSeed.Liaison, $"lg:x:{f.Id}:{f.Revision}");
        web.Core.Send(WebSeed.Liaison, date);
        web.Core.Send(WebSeed.Liaison, reason);
        if (confirm)
        {
            web.Core.Press(WebSeed.Liaison, "确认");
        }
    }
}
