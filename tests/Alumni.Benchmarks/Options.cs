using System.Globalization;

namespace Alumni.Benchmarks;

/// <summary>The command line after the command: operands, and options as <c>--name value</c>.</summary>
public sealed class Options
{
    public const string Usage = """
        Alumni synthetic data and benchmarks (run from the repository root):
          dotnet run --project tests/Alumni.Benchmarks -c Release -- COMMAND ...

          csv FILE N [--seed 42]               write an import CSV of N rows (one per study), streaming
          seed "Data Source=PATH" N [--seed 42] migrate the SQLite database and insert N active members
          (both benchmarks build the API first with dotnet build api -c Release, unless --no-build y)
          bench-search [--members 500000] [--requests 200] [--warmup 20] [--levels 1,8,32] [--max-seconds 60] [--out FILE.json]
                                               seed a temp database, start the API, time typical staff searches
                                               (a level sends no new request after --max-seconds; it says so)
          bench-import [--rows 1000000] [--timeout-minutes 60] [--skip-default-cache y] [--out FILE.json]
                                               import a generated CSV through the API, and the raw insert limit
          bench-registration [--requests 1000] [--seats 100] [--out FILE.json]
                                               that many members (single seats and groups of 2–4) register at once for
                                               one event with that many seats; checks the seats and the waiting list
          bench-newsletter [--recipients 100000] [--batch 500] [--window 50] [--connections 4] [--kill y] [--out FILE.json]
                                               send a campaign to that many consenting members through the API to a
                                               counting SMTP sink, throttle off; with --kill y kill -9 the API a third
                                               of the way and restart it, then check nobody lost or sent twice
          raw-insert FILE "Data Source=PATH" [--cache-mib 512]
                                               the raw insert limit for an import CSV (a fresh database; 0 = default cache)
          report FILE.md RESULTS_DIR           write the performance report from the benchmarks' results
          report-newsletter FILE.md RESULTS_DIR
                                               write only its newsletter section (newsletter*.json) into the report
        """;

    private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);

    public List<string> Operands { get; } = [];

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            if (e.Current.StartsWith("--", StringComparison.Ordinal))
            {
                var name = e.Current[2..];
                options.named[name] = e.MoveNext() ? e.Current : throw new ArgumentException($"--{name} needs a value.");
            }
            else
            {
                options.Operands.Add(e.Current);
            }
        }

        return options;
    }

    public string? String(string name) => named.GetValueOrDefault(name);

    public int Int(string name, int fallback) => named.TryGetValue(name, out var v) ? (int)Count(v) : fallback;

    public long Long(string name, long fallback) => named.TryGetValue(name, out var v) ? Count(v) : fallback;

    public IReadOnlyList<int> Ints(string name, params int[] fallback) =>
        named.TryGetValue(name, out var v) ? v.Split(',').Select(s => (int)Count(s)).ToList() : fallback;

    /// <summary>A non-negative whole number; underscores and commas as thousands separators are allowed (1_000_000).</summary>
    public static long Count(string text) =>
        long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new FormatException($"Not a count: {text}");
}
