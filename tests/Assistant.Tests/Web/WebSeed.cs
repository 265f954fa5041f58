using Assistant.Core.Messaging;
using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Localization;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Web;

/// <summary>
/// Two teams and their ledgers for the Mini App's tests, on 20 November 2023 (10:00 in Changsha). Team 第七组 (G7):
/// 24 items, G7-004 covert (recorded by 张伟), G7-001 and G7-007 assigned to the contact 王责任人, G7-002 a major hazard
/// overdue 10 days, G7-005 closed; team 第八组 (G8): 3 items of its own.
/// </summary>
public static class WebSeed
{
    public const long Leader = 601;
    public const long Liaison = 602;
    public const long Member = 603;
    public const long CovertAuthor = 604;
    public const long Contact = 605;
    public const long EnglishMember = 606;
    public const long OtherLeader = 701;
    public const long Stranger = 999;
    public const int TeamSize = 24;

    public static readonly DateTimeOffset Now = new(2023, 11, 20, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2023, 11, 20);

    public static (Team Team, Team Other) Seed(IServiceProvider services)
    {
        var admin = services.GetRequiredService<TeamAdministration>();
        var team = admin.CreateTeam("第七组", "湖南省", new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10)).Team!;
        var other = admin.CreateTeam("第八组", "湖北省", new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 10)).Team!;
        var leader = admin.AddMember(team, Leader, "刘组长", Role.Leader, Language.Chinese);
        admin.AddMember(team, Liaison, "陈静", Role.Liaison, Language.Chinese);
        var member = admin.AddMember(team, Member, "李明", Role.Member, Language.Chinese);
        var covertAuthor = admin.AddMember(team, CovertAuthor, "张伟", Role.Member, Language.Chinese);
        admin.AddMember(team, Contact, "王责任人", Role.Contact, Language.Chinese);
        admin.AddMember(team, EnglishMember, "Alice", Role.Member, Language.English);
        var otherLeader = admin.AddMember(other, OtherLeader, "周组长", Role.Leader, Language.Chinese);

        var store = services.GetRequiredService<FindingStore>();
        var teams = services.GetRequiredService<TeamStore>();
        services.GetRequiredService<AssistantDatabase>().InTransaction(() =>
        {
            Add(store, team, member, 1, Sector.Fire, Aspect.Responsibilities, Severity.GeneralHazard, "长沙某商场", RectificationStatus.Assigned, new(2023, 11, 15), contact: Contact);
            var major = Add(store, team, member, 2, Sector.HazardousChemicals, Aspect.Responsibilities, Severity.MajorHazard, "长沙某化工有限公司", RectificationStatus.InProgress, new(2023, 11, 10));
            major.DeadlineChanges.Add(new DeadlineChange { From = new(2023, 11, 5), To = new(2023, 11, 10), Reason = "企业停产检修", ById = Liaison, ByName = "陈静", TimeUtc = new DateTime(2023, 11, 4, 2, 0, 0, DateTimeKind.Utc) });
            store.Update(major);
            Add(store, team, member, 3, Sector.Fire, Aspect.Grassroots, Severity.Problem, "长沙市消防救援支队", RectificationStatus.Rectified, new(2023, 11, 25));
            Add(store, team, covertAuthor, 4, Sector.UrbanGas, Aspect.Campaigns, Severity.GeneralHazard, "株洲某液化气站", RectificationStatus.Assigned, new(2023, 11, 18), covert: true, city: "株洲市");
            var closed = Add(store, team, member, 5, Sector.CrowdedPlaces, Aspect.Grassroots, Severity.GeneralHazard, "长沙某KTV", RectificationStatus.Closed, new(2023, 11, 17));
            closed.VerifiedById = Leader;
            closed.VerifiedByName = "刘组长";
            closed.VerifiedUtc = new DateTime(2023, 11, 19, 6, 0, 0, DateTimeKind.Utc);
            store.Update(closed);
            Add(store, team, member, 6, Sector.Construction, Aspect.Campaigns, Severity.Problem, "长沙某工地", RectificationStatus.Open, null);
            Add(store, team, member, 7, Sector.Fire, Aspect.Instructions, Severity.Problem, "湘潭市人民政府", RectificationStatus.Assigned, new(2023, 11, 24), contact: Contact, city: "湘潭市");
            Sector[] sectors = [Sector.IndustryTrade, Sector.RoadTransport, Sector.Tourism, Sector.NonCoalMines, Sector.WaterTransport];
            for (var n = 8; n <= TeamSize; n++)
            {
                Add(store, team, n % 2 == 0 ? member : leader, n, sectors[n % sectors.Length], (Aspect)(1 + (n % 4)), n % 6 == 0 ? Severity.MajorHazard : Severity.Problem,
                    $"岳麓区某单位{n}", n % 5 == 0 ? RectificationStatus.InProgress : RectificationStatus.Assigned, Today.AddDays((n % 9) - 3));
            }

            for (var n = 1; n <= 3; n++)
            {
                Add(store, other, otherLeader, n, Sector.WaterTransport, Aspect.Grassroots, Severity.GeneralHazard, $"岳阳某码头{n}", RectificationStatus.Assigned, new(2023, 11, 10), city: "岳阳市");
            }

            foreach (var (t, count) in new[] { (team, TeamSize), (other, 3) })
            {
                while (teams.NextFindingNumber(t.Id) < count)
                {
                }
            }
        });
        return (team, other);
    }

    public static string Code(int number, string team = "G7") => $"{team}-{number:000}";

    private static Finding Add(FindingStore store, Team team, Member author, int number, Sector sector, Aspect aspect, Severity severity, string unit,
        RectificationStatus status, DateOnly? deadline, bool covert = false, long? contact = null, string city = "长沙市")
    {
        var created = new DateTime(2023, 11, 2, 3, 0, 0, DateTimeKind.Utc).AddMinutes(number);
        var f = new Finding
        {
            TeamId = team.Id,
            Number = number,
            Code = Code(number, team.Code),
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
            Aspect = aspect,
            Sector = sector,
            Method = covert ? Method.OnSiteInspection : Method.VisitsInquiries,
            Covert = covert,
            City = city,
            Place = "某路1号",
            Unit = unit,
            Description = $"{unit}存在消防通道堵塞等问题（第{number}项）",
            Severity = severity,
            Basis = severity == Severity.MajorHazard ? "《重大事故隐患判定标准》第四条" : null,
            ResponsibleUnit = status == RectificationStatus.Open ? null : city + "应急管理局",
            ResponsiblePerson = contact is null ? null : "王责任人",
            ResponsibleContactId = contact,
            Deadline = deadline,
            Status = status,
            Day = new DateOnly(2023, 11, 2),
            CreatedUtc = created,
            UpdatedUtc = created,
            Revision = 1,
        };
        f.Evidence.Add(new Evidence { Kind = EvidenceKind.Photo, FileId = "photo-" + number, FileName = "现场照片.jpg", AddedUtc = created });
        store.Insert(f);
        store.AddChange(f, author, created, "created", null, f.Code);
        if (!covert)
        {
            store.Remember(team.Id, unit, city);
        }

        return f;
    }
}
