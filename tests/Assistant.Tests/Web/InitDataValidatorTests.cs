using Assistant.Tests.Fakes;
using Assistant.Web;

namespace Assistant.Tests.Web;

public sealed class InitDataValidatorTests
{
    private const string Token = FakeBotApi.DefaultToken;
    private static readonly DateTimeOffset Issued = DateTimeOffset.FromUnixTimeSeconds(1700000000);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // Signed independently (Python's hmac, as Telegram documents it) for this token.
    private const string Reference =
        "auth_date=1700000000&query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A601%2C%22first_name%22%3A%22%E5%88%98%E7%BB%84%E9%95%BF%22%2C%22language_code%22%3A%22zh-hans%22%7D"
        + "&hash=13fa76b26323bae7bee58bd6d315b43161d00bc1271247e2a2baa3484dcb3767";

    private static readonly InitDataValidator Validator = new(Token);

    [Fact]
    public void Validate_DataSignedAsTelegramDocuments_NamesTheUser()
    {
        var (user, problem) = Validator.Validate(Reference, Issued.AddMinutes(5), Hour);

        Assert.Null(problem);
        Assert.Equal(601, user!.UserId);
        Assert.Equal("zh-hans", user.LanguageCode);
        Assert.Equal(Issued, user.IssuedUtc);
    }

    [Theory]
    [InlineData("388f2f972604f8b74ef7dc9e588094b92d2b8330fe1da1bededcc58012a31923")] // hash over every field but hash (what clients send)
    [InlineData("13fa76b26323bae7bee58bd6d315b43161d00bc1271247e2a2baa3484dcb3767")] // hash without signature (the documentation's third-party string)
    public void Validate_WithASignatureField_AcceptsEitherDocumentedCheckString(string hash)
    {
        var data = Reference[..Reference.IndexOf("&hash=", StringComparison.Ordinal)] + "&signature=SGVsbG8gV29ybGQ&hash=" + hash;

        Assert.Null(Validator.Validate(data, Issued, Hour).Problem);
    }

    [Theory]
    [InlineData("%22id%22%3A601", "%22id%22%3A602")] // another user id
    [InlineData("auth_date=1700000000", "auth_date=1700000600")] // a later issue time
    [InlineData("zh-hans", "en")]
    [InlineData("&hash=13fa", "&hash=03fa")]
    public void Validate_AnAlteredField_IsRefused(string from, string to)
    {
        var (user, problem) = Validator.Validate(Reference.Replace(from, to, StringComparison.Ordinal), Issued, Hour);

        Assert.Null(user);
        Assert.Equal(InitDataProblem.BadSignature, problem);
    }

    [Fact]
    public void Validate_AddedField_IsRefused() =>
        Assert.Equal(InitDataProblem.BadSignature, Validator.Validate("start_param=admin&" + Reference, Issued, Hour).Problem);

    [Fact]
    public void Validate_AnotherBotsToken_IsRefused() =>
        Assert.Equal(InitDataProblem.BadSignature, new InitDataValidator("7000002:AAAnotherBotsTokenForTests_01234567").Validate(Reference, Issued, Hour).Problem);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auth_date=1700000000&user=%7B%22id%22%3A601%7D")]
    public void Validate_NothingOrNoHash_IsUnsigned(string? data) =>
        Assert.Equal(InitDataProblem.Unsigned, Validator.Validate(data, Issued, Hour).Problem);

    [Theory]
    [InlineData("auth_date=1&auth_date=2&hash=13fa76b26323bae7bee58bd6d315b43161d00bc1271247e2a2baa3484dcb3767")]
    [InlineData("garbage")]
    [InlineData("=x&hash=13fa76b26323bae7bee58bd6d315b43161d00bc1271247e2a2baa3484dcb3767")]
    public void Validate_MalformedData_IsRefused(string data) =>
        Assert.Equal(InitDataProblem.Malformed, Validator.Validate(data, Issued, Hour).Problem);

    [Fact]
    public void Validate_HugeData_IsRefusedBeforeAnyWork() =>
        Assert.Equal(InitDataProblem.Malformed, Validator.Validate(Reference + "&pad=" + new string('x', 5000), Issued, Hour).Problem);

    [Fact]
    public void Validate_HashThatIsNotHex_IsRefused() =>
        Assert.Equal(InitDataProblem.BadSignature, Validator.Validate(Reference[..^64] + new string('z', 64), Issued, Hour).Problem);

    [Fact]
    public void Validate_OlderThanTheAllowedAge_IsExpired()
    {
        Assert.Null(Validator.Validate(Reference, Issued + Hour, Hour).Problem);
        Assert.Equal(InitDataProblem.Expired, Validator.Validate(Reference, Issued + Hour + TimeSpan.FromSeconds(1), Hour).Problem);
    }

    [Fact]
    public void Validate_IssuedInTheFutureBeyondClockSkew_IsRefused()
    {
        Assert.Null(Validator.Validate(Reference, Issued - InitDataValidator.ClockSkew, Hour).Problem);
        Assert.Equal(InitDataProblem.Expired, Validator.Validate(Reference, Issued - TimeSpan.FromMinutes(5), Hour).Problem);
    }

    [Fact]
    public void Signer_OfTheTests_MatchesTheReference()
    {
        var signed = InitDataSigner.Sign(Token, 601, Issued, "zh-hans", "刘组长");

        Assert.Equal(Reference, signed);
    }
}
