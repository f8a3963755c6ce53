using Alumni.Api.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Tests.Email;

/// <summary>What <see cref="EmailExtensions.AddEmail"/> registers for a given <c>Smtp</c> section.</summary>
public sealed class EmailRegistrationTests
{
    private const string ContentRoot = "/srv/alumni";

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = ContentRoot, EnvironmentName = "Testing" })
            .AddEmail(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public void Without_a_relay_host_mail_goes_into_the_mail_folder_under_the_content_root()
    {
        using var services = Services();

        Assert.IsType<FileEmailSender>(services.GetRequiredService<IEmailSender>());
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal(Path.Combine(ContentRoot, "data", "mail"), options.MailDirectory);
        Assert.Equal((587, SmtpSecurity.Auto, "Alumni <alumni@localhost>"), (options.Port, options.Security, options.From));
        Assert.NotNull(services.GetRequiredService<DevMailbox>());
    }

    [Fact]
    public void With_a_relay_host_mail_goes_over_smtp_as_configured()
    {
        using var services = Services(("Smtp:Host", "smtp.example.org"), ("Smtp:Port", "465"), ("Smtp:Security", "SslOnConnect"),
            ("Smtp:Username", "alumni"), ("Smtp:Password", "secret"), ("Smtp:From", "Alumni <alumni@example.org>"));

        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal(("smtp.example.org", 465, SmtpSecurity.SslOnConnect, "alumni", "secret"),
            (options.Host, options.Port, options.Security, options.Username, options.Password));
    }

    [Fact]
    public void An_absolute_mail_folder_is_kept_as_it_is()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alumni-mail");
        using var services = Services(("Smtp:MailDirectory", folder));

        Assert.Equal(folder, services.GetRequiredService<IOptions<EmailOptions>>().Value.MailDirectory);
    }

    [Theory]
    [InlineData("Smtp:From", "not an address")]
    [InlineData("Smtp:Port", "0")]
    [InlineData("Smtp:MailDirectory", " ")]
    public void Invalid_settings_are_refused_with_the_setting_named(string key, string value)
    {
        using var services = Services((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
