using Assistant.Core.Findings;
using Assistant.Core.Ledger;
using Assistant.Core.Teams;
using static Assistant.Core.Ledger.RectificationAction;
using static Assistant.Core.Ledger.RectificationStatus;

namespace Assistant.Tests.Ledger;

/// <summary>Every state × action × role of the rectification lifecycle, allowed and refused, and every input guard.</summary>
public sealed class RectificationMachineTests
{
    private const long AssignedContact = 905;

    private static readonly Member Leader = new() { Id = 901, TeamId = 1, Role = Role.Leader };
    private static readonly Member Liaison = new() { Id = 902, TeamId = 1, Role = Role.Liaison };
    private static readonly Member TeamMember = new() { Id = 903, TeamId = 1, Role = Role.Member };
    private static readonly Member Contact = new() { Id = AssignedContact, TeamId = 1, Role = Role.Contact };
    private static readonly Member OtherContact = new() { Id = 906, TeamId = 1, Role = Role.Contact };

    public static TheoryData<RectificationStatus, string, RectificationAction[]> Allowed => new()
    {
        { Open, "leader", [Assign, FixOnSpot, ExtendDeadline] },
        { Open, "liaison", [Assign, FixOnSpot, ExtendDeadline] },
        { Open, "member", [FixOnSpot] },
        { Open, "contact", [] },
        { Open, "other contact", [] },
        { Assigned, "leader", [Assign, Start, SubmitFix, FixOnSpot, ExtendDeadline] },
        { Assigned, "liaison", [Assign, Start, SubmitFix, FixOnSpot, ExtendDeadline] },
        { Assigned, "member", [Start, SubmitFix, FixOnSpot] },
        { Assigned, "contact", [Start, SubmitFix] },
        { Assigned, "other contact", [] },
        { InProgress, "leader", [Assign, SubmitFix, FixOnSpot, ExtendDeadline] },
        { InProgress, "liaison", [Assign, SubmitFix, FixOnSpot, ExtendDeadline] },
        { InProgress, "member", [SubmitFix, FixOnSpot] },
        { InProgress, "contact", [SubmitFix] },
        { InProgress, "other contact", [] },
        { Rectified, "leader", [Verify, Reject] },
        { Rectified, "liaison", [Verify, Reject] },
        { Rectified, "member", [Verify, Reject] },
        { Rectified, "contact", [] },
        { Rectified, "other contact", [] },
        { Closed, "leader", [] },
        { Closed, "liaison", [] },
        { Closed, "member", [] },
        { Closed, "contact", [] },
        { Closed, "other contact", [] },
    };

    private static Member Actor(string role) => role switch
    {
        "leader" => Leader,
        "liaison" => Liaison,
        "member" => TeamMember,
        "contact" => Contact,
        _ => OtherContact,
    };

    private static Finding InState(RectificationStatus status) => new()
    {
        Id = 1,
        TeamId = 1,
        Status = status,
        ResponsibleUnit = status == Open ? null : "望城区应急管理局",
        ResponsibleContactId = status == Open ? null : AssignedContact,
        Deadline = status == Open ? null : new DateOnly(2023, 11, 20),
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void EachRoleInEachState_MayTakeExactlyTheseSteps(RectificationStatus status, string role, RectificationAction[] expected)
    {
        var f = InState(status);

        Assert.Equal(expected.Order(), RectificationMachine.Available(f, Actor(role)).Order());
        foreach (var action in Enum.GetValues<RectificationAction>())
        {
            var refusal = LedgerService.Check(f, Actor(role), action);
            Assert.Equal(expected.Contains(action), refusal is null);
        }
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void EachAllowedStep_FiresToItsTarget(RectificationStatus status, string role, RectificationAction[] allowed)
    {
        foreach (var action in allowed)
        {
            var f = InState(status);
            var machine = RectificationMachine.Build(f, RectificationRequest.Hypothetical(Actor(role)));

            machine.Fire(action);

            var target = action switch
            {
                Assign or ExtendDeadline => status == Open && action == Assign ? RectificationStatus.Assigned : status,
                Start => InProgress,
                SubmitFix or FixOnSpot => Rectified,
                Verify => Closed,
                _ => InProgress,
            };
            Assert.Equal(target, f.Status);
        }
    }

    [Fact]
    public void SubmitFix_WithNeitherEvidenceNorText_IsRefusedNamingTheEvidence()
    {
        var machine = RectificationMachine.Build(InState(InProgress), new RectificationRequest { Actor = Contact });

        Assert.False(machine.CanFire(SubmitFix, out var missing));
        Assert.Equal([RectificationMachine.WithEvidence], missing);
    }

    [Fact]
    public void Reject_WithoutAReason_IsRefusedNamingTheReason()
    {
        var machine = RectificationMachine.Build(InState(Rectified), new RectificationRequest { Actor = Leader, Reason = " " });

        Assert.False(machine.CanFire(Reject, out var missing));
        Assert.Equal([RectificationMachine.WithReason], missing);
    }

    [Theory]
    [InlineData(2023, 11, 20)]
    [InlineData(2023, 11, 10)]
    public void Extend_ToTheSameOrAnEarlierDate_IsRefused(int year, int month, int day)
    {
        var request = new RectificationRequest { Actor = Liaison, Reason = "设备未到", NewDeadline = new DateOnly(year, month, day) };
        var machine = RectificationMachine.Build(InState(Assigned), request);

        Assert.False(machine.CanFire(ExtendDeadline, out var missing));
        Assert.Equal([RectificationMachine.LaterDeadline], missing);
    }

    [Fact]
    public void Extend_WithoutAReason_IsRefused_AndByAMemberTwiceSo()
    {
        var byLiaison = RectificationMachine.Build(InState(Assigned), new RectificationRequest { Actor = Liaison, NewDeadline = new DateOnly(2023, 12, 1) });
        var byMember = RectificationMachine.Build(InState(Assigned), new RectificationRequest { Actor = TeamMember, NewDeadline = new DateOnly(2023, 12, 1) });

        Assert.False(byLiaison.CanFire(ExtendDeadline, out var liaisonMissing));
        Assert.Equal([RectificationMachine.WithReason], liaisonMissing);
        Assert.False(byMember.CanFire(ExtendDeadline, out var memberMissing));
        Assert.Equal([RectificationMachine.Coordinator, RectificationMachine.WithReason], memberMissing.Order());
    }

    [Fact]
    public void Assign_WithoutAUnit_IsRefused()
    {
        var machine = RectificationMachine.Build(InState(Open), new RectificationRequest { Actor = Leader, Person = "王科长" });

        Assert.False(machine.CanFire(Assign, out var missing));
        Assert.Equal([RectificationMachine.WithAssignment], missing);
    }

    [Fact]
    public void Verify_WithoutAnOpinion_IsRefusedNamingTheOpinion()
    {
        var machine = RectificationMachine.Build(InState(Rectified), new RectificationRequest { Actor = Leader, Opinion = " " });

        Assert.False(machine.CanFire(Verify, out var missing));
        Assert.Equal([RectificationMachine.WithOpinion], missing);
    }

    [Fact]
    public void Verify_ByWhoeverSubmittedTheFix_IsRefusedUnlessTheRulesWaiveIt()
    {
        var f = InState(Rectified);
        f.RectifiedById = Leader.Id;

        var fourEyes = RectificationMachine.Build(f, new RectificationRequest { Actor = Leader, Opinion = "同意销号" });
        var waived = RectificationMachine.Build(f, new RectificationRequest { Actor = Leader, Opinion = "同意销号", Rules = new RectificationRules(AllowSelfVerification: true) });

        Assert.False(fourEyes.CanFire(Verify, out var missing));
        Assert.Equal([RectificationMachine.OtherVerifier], missing);
        Assert.True(waived.CanFire(Verify));
        Assert.Equal([Reject], RectificationMachine.Available(f, Leader));
        Assert.Equal([Verify, Reject], RectificationMachine.Available(f, Leader, new RectificationRules(AllowSelfVerification: true)));
    }
}
