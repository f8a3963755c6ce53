using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Text;
using Fluid;
using Fluid.Ast;

namespace Alumni.Api.Features.Newsletters.Rendering;

/// <summary>One personal field <c>{{ … }}</c> as written in a text: where it stands and its expression.</summary>
/// <param name="Index">Where the field starts in the text.</param>
/// <param name="Length">Its length, braces included.</param>
/// <param name="Expression">The expression between the braces, trimmed (<c>member.first_name | default: "vän"</c>).</param>
/// <param name="IsUrl">True when it is a bare link field (<c>preferences_url</c>, <c>event.url</c>, no filters).</param>
internal sealed record LiquidField(int Index, int Length, string Expression, bool IsUrl);

/// <summary>
/// The personal fields (Liquid, <see href="https://shopify.github.io/liquid/">shopify.github.io/liquid</see>) a mail's
/// text may hold, checked against an allow-list before anything is sent: only output fields <c>{{ … }}</c> of the
/// variables below, with a few harmless filters; no tags (<c>{% … %}</c>), so that a mistake is an error at compile
/// time with the field and the name, never a blank in a sent mail.
/// </summary>
public static partial class LiquidFields
{
    /// <summary>The fields every mail may hold.</summary>
    public static readonly IReadOnlyList<string> Member = ["member.first_name", "member.last_name", "member.full_name", "preferences_url"];

    /// <summary>The fields an invitation may hold as well.</summary>
    public static readonly IReadOnlyList<string> Event = ["event.title", "event.starts", "event.place", "event.url"];

    /// <summary>The filters a field may pass through.</summary>
    public static readonly IReadOnlyList<string> Filters = ["default", "upcase", "downcase", "capitalize", "strip"];

    private static readonly string[] UrlFields = ["preferences_url", "event.url"];

    internal static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false, AllowParentheses = false });

    [GeneratedRegex(@"\{\{(-?)(.*?)(-?)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();

    /// <summary>
    /// The problems of one text's personal fields, in the current language (empty when it is fine): unknown fields,
    /// filters outside the list, tags, syntax.
    /// </summary>
    public static IReadOnlyList<string> Problems(string? text, bool invitation) => Read(text, invitation).Problems;

    /// <summary>The text's fields and its problems.</summary>
    internal static (IReadOnlyList<LiquidField> Fields, IReadOnlyList<string> Problems) Read(string? text, bool invitation)
    {
        var fields = new List<LiquidField>();
        var problems = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return (fields, problems);
        }

        if (text.Contains("{%", StringComparison.Ordinal))
        {
            problems.Add(Texts.Get("newsletters.liquidTagsNotAllowed"));
        }

        var end = 0;
        foreach (Match match in FieldPattern().Matches(text))
        {
            if (text.AsSpan(end, match.Index - end).Contains("}}", StringComparison.Ordinal))
            {
                problems.Add(Texts.Get("newsletters.liquidFieldNotOpened"));
            }

            end = match.Index + match.Length;
            var expression = match.Groups[2].Value.Trim();
            var problem = Check(expression, invitation, out var isUrl);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                fields.Add(new LiquidField(match.Index, match.Length, expression, isUrl));
            }
        }

        var rest = text.AsSpan(end);
        if (rest.Contains("{{", StringComparison.Ordinal))
        {
            problems.Add(Texts.Get("newsletters.liquidFieldNotClosed"));
        }
        else if (rest.Contains("}}", StringComparison.Ordinal))
        {
            problems.Add(Texts.Get("newsletters.liquidFieldNotOpened"));
        }

        return (fields, problems.Distinct(StringComparer.Ordinal).ToList());
    }

    private static string? Check(string expression, bool invitation, out bool isUrl)
    {
        isUrl = false;
        if (expression.Length == 0 || expression.Contains("{{", StringComparison.Ordinal))
        {
            return Texts.Get("newsletters.liquidFieldUnreadable", "{{ " + expression + " }}");
        }

        if (!Parser.TryParse("{{ " + expression + " }}", out var template, out _) || template is not Fluid.Parser.FluidTemplate parsed
            || parsed.Statements.Count != 1 || parsed.Statements[0] is not OutputStatement output)
        {
            return Texts.Get("newsletters.liquidFieldUnreadable", "{{ " + expression + " }}");
        }

        var checker = new Checker();
        checker.Visit(output);
        if (checker.Unreadable)
        {
            return Texts.Get("newsletters.liquidFieldUnreadable", "{{ " + expression + " }}");
        }

        foreach (var name in checker.Names)
        {
            if (Event.Contains(name) && !invitation)
            {
                return Texts.Get("newsletters.liquidEventFieldOnlyInInvitations", "{{ " + name + " }}");
            }

            if (!Member.Contains(name) && !Event.Contains(name))
            {
                return Texts.Get("newsletters.liquidUnknownField", "{{ " + name + " }}", string.Join(", ", invitation ? Member.Concat(Event) : Member));
            }
        }

        foreach (var filter in checker.FilterNames)
        {
            if (!Filters.Contains(filter))
            {
                return Texts.Get("newsletters.liquidFilterNotAllowed", filter, string.Join(", ", Filters));
            }
        }

        isUrl = checker.FilterNames.Count == 0 && checker.Names.Count == 1 && UrlFields.Contains(checker.Names[0])
            && output.Expression is MemberExpression;
        return null;
    }

    /// <summary>Collects the variables and filters of one output field; anything but names and literals is unreadable.</summary>
    private sealed class Checker : AstVisitor
    {
        public List<string> Names { get; } = [];

        public List<string> FilterNames { get; } = [];

        public bool Unreadable { get; private set; }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            var parts = new List<string>();
            foreach (var segment in memberExpression.Segments)
            {
                if (segment is IdentifierSegment identifier)
                {
                    parts.Add(identifier.Identifier);
                }
                else
                {
                    Unreadable = true;
                }
            }

            Names.Add(string.Join('.', parts));
            return memberExpression;
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            FilterNames.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
        {
            Unreadable = true;
            return rangeExpression;
        }
    }
}
