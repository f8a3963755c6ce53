using System.Globalization;
using System.Text;
using Alumni.Contracts.Members;
using Bogus;
using Gender = Bogus.DataSets.Name.Gender;

namespace Alumni.Benchmarks.Generation;

/// <summary>
/// Makes realistic synthetic alumni, one at a time and never more than one in memory: mostly Swedish, some from abroad
/// (Bogus's Swedish, English and other locales), with unique e-mail addresses and student ids, valid personal identity
/// numbers for most (coordination numbers for some who came from abroad, none for others), studies spread over the
/// departments with a realistic skew, and profiles, interests, offers and consents.
/// The same seed, departments and first index give the same members, byte for byte.
/// </summary>
public sealed class AlumniGenerator
{
    /// <summary>The most members one database can be given: e-mail numbers and student ids are unique below it.</summary>
    public const long MaxMembers = 10_000_000;

    public const int FirstYear = 1977;
    public const int LastYear = 2026;

    private static readonly DateTimeOffset FirstCreated = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random random;
    private readonly Dictionary<string, Pools> pools = new(StringComparer.Ordinal);
    private readonly int seed;
    private readonly IReadOnlyList<string> departments;
    private readonly Weighted<string> departmentPick;
    private readonly Weighted<string> originPick;
    private readonly Weighted<string> swedishResidencePick;
    private readonly Weighted<string> domainPick;
    private readonly Dictionary<string, Weighted<string>> cityPicks;
    private readonly Weighted<int> startYearPick;
    private readonly Dictionary<long, int> pinsIssued = [];
    private long next;

    public AlumniGenerator(int seed, IReadOnlyList<string> departmentCodes, long firstIndex = 0)
    {
        if (departmentCodes.Count == 0)
        {
            throw new ArgumentException("No departments to spread members over.", nameof(departmentCodes));
        }

        this.seed = seed;
        departments = departmentCodes;
        next = firstIndex;
        random = new Random(Mix(seed, firstIndex));
        departmentPick = new Weighted<string>(departmentCodes.Select(c => (c, ReferenceData.DepartmentWeights.GetValueOrDefault(c, 1.0))));
        originPick = new Weighted<string>(ReferenceData.InternationalOrigins);
        swedishResidencePick = new Weighted<string>(ReferenceData.SwedishResidence);
        domainPick = new Weighted<string>(ReferenceData.EmailDomains);
        cityPicks = ReferenceData.Cities.ToDictionary(c => c.Key, c => new Weighted<string>(c.Value), StringComparer.Ordinal);

        // More alumni in recent years: the university has grown.
        startYearPick = new Weighted<int>(Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => (y, 1.0 + (y - FirstYear) * 0.08)));
    }

    /// <summary>Personal identity numbers already in use elsewhere (a database being added to), or null.</summary>
    public Func<string, bool>? PinTaken { get; init; }

    /// <summary>The index the next member gets (members are numbered from the first index on).</summary>
    public long NextIndex => next;

    /// <summary>The departments members are spread over.</summary>
    public IReadOnlyList<string> Departments => departments;

    public GeneratedMember Next()
    {
        var index = next++;
        if (index >= MaxMembers)
        {
            throw new InvalidOperationException($"At most {MaxMembers:N0} members can be generated for one database.");
        }

        var female = random.NextDouble() < 0.58;
        var swedish = random.NextDouble() < 0.8;
        var origin = swedish ? "SE" : originPick.Pick(random);
        var (first, last) = Name(origin, female);
        var residence = swedish ? swedishResidencePick.Pick(random) : random.NextDouble() < 0.5 ? "SE" : random.NextDouble() < 0.8 ? origin : originPick.Pick(random);
        var studies = Studies();
        var birth = BirthDate(studies[0].StartYear);
        var pin = swedish
            ? random.NextDouble() < 0.97 ? UniquePin(birth, female, coordination: false) : null
            : random.NextDouble() < 0.4 ? UniquePin(birth, female, coordination: true) : null;
        var createdAt = FirstCreated.AddSeconds(index * 60 + random.Next(60));
        var ascii = (Ascii(first), Ascii(last));
        var email = Email(ascii, index, origin);
        var employed = random.NextDouble() < 0.75;
        var employer = !employed ? null : random.NextDouble() < 0.6 ? ReferenceData.Employers[random.Next(ReferenceData.Employers.Length)] : Pick(Pool(origin).Companies);
        var industry = !employed ? null
            : random.NextDouble() < 0.5 && ReferenceData.TypicalIndustry(studies[0].DepartmentCode) is { } typical ? typical
            : ReferenceData.Industries[random.Next(ReferenceData.Industries.Length)];
        var jobTitle = !employed ? null : origin == "SE" ? ReferenceData.SwedishJobTitles[random.Next(ReferenceData.SwedishJobTitles.Length)] : Pick(Pool(origin).JobTitles);
        var mentor = random.NextDouble() < 0.08;
        var guest = random.NextDouble() < 0.04;
        var visit = random.NextDouble() < 0.02;
        var panel = random.NextDouble() < 0.03;
        var offers = mentor || guest || visit || panel;
        var directory = random.NextDouble() < 0.18;
        bool[] consents =
        [
            random.NextDouble() < 0.72, // CentralNewsletter
            random.NextDouble() < 0.58, // DepartmentMailings
            random.NextDouble() < 0.65, // EventInvitations
            directory,                  // Directory
            random.NextDouble() < (offers ? 0.85 : 0.1), // ContactAboutOffers
        ];
        var source = random.NextDouble() switch { < 0.75 => MemberSource.Import, < 0.97 => MemberSource.SignUp, _ => MemberSource.Invitation };
        return new GeneratedMember
        {
            Index = index,
            Id = Uuid7(createdAt),
            ExternalId = "S" + Permute(index, 48_271_137, 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
            PersonalIdentityNumber = pin,
            FirstName = first,
            LastName = last,
            Email = email,
            OtherEmails = random.NextDouble() < 0.06 ? [$"{ascii.Item1}.{ascii.Item2}@{WorkDomain(employer)}"] : [],
            PreferredLanguage = origin == "SE" || (residence == "SE" && random.NextDouble() < 0.3) ? "sv" : "en",
            Country = residence,
            City = random.NextDouble() < 0.1 ? null : City(residence),
            Employer = employer,
            JobTitle = jobTitle,
            Industry = industry,
            LinkedInUrl = random.NextDouble() < 0.3 ? $"https://www.linkedin.com/in/{ascii.Item1}-{ascii.Item2}-{random.Next(0x1000, 0xffff):x4}" : null,
            Bio = random.NextDouble() < 0.05 ? Bio(studies[0], employer) : null,
            Interests = Interests(),
            OffersMentor = mentor,
            OffersGuestLecture = guest,
            OffersStudyVisit = visit,
            OffersPanel = panel,
            DirectoryFields = directory ? ReferenceData.DirectoryFieldSets[random.Next(ReferenceData.DirectoryFieldSets.Length)] : "",
            Source = source,
            CreatedAt = createdAt,
            Studies = studies,
            Consents = consents,
        };
    }

    /// <summary>A deterministic version-7 UUID: the instant's milliseconds, then seeded random bits (so ids sort by creation).</summary>
    public Guid Uuid7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xff);
            ms >>= 8;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0f));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3f));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A bijection of [0, modulus): unique numbers that do not look sequential.</summary>
    private static long Permute(long index, long multiplier, long modulus) => (index * multiplier + 7_654_321) % modulus;

    private (string First, string Last) Name(string origin, bool female)
    {
        switch (origin)
        {
            case "DK":
                return (Pick(female ? ReferenceData.DanishFemale : ReferenceData.DanishMale), Pick(ReferenceData.DanishLast));
            case "CN":
                return (Pick(female ? ReferenceData.ChineseFemale : ReferenceData.ChineseMale), Pick(ReferenceData.ChineseLast));
        }

        var pool = Pool(origin);
        var first = Pick(female ? pool.FemaleFirst : pool.MaleFirst);
        var lasts = female ? pool.FemaleLast : pool.MaleLast;
        var last = Pick(lasts);
        if (origin == "SE" && random.NextDouble() < 0.03)
        {
            last += "-" + Pick(lasts);
        }

        return (first, last);
    }

    /// <summary>
    /// The names, companies and job titles of a locale, drawn once from Bogus with a seeded randomizer: picking from
    /// these is many times faster than asking Bogus for every member, and as varied as Bogus's own lists.
    /// </summary>
    private Pools Pool(string country)
    {
        var locale = ReferenceData.Locale(country) ?? "en";
        if (!pools.TryGetValue(locale, out var pool))
        {
            var faker = new Faker(locale) { Random = new Randomizer(Mix(seed, Fnv(locale))) };
            string[] Draw(int times, Func<string> draw) => Enumerable.Range(0, times).Select(_ => draw()).Distinct(StringComparer.Ordinal).ToArray();
            pool = new Pools(
                Draw(600, () => faker.Name.FirstName(Gender.Female)),
                Draw(600, () => faker.Name.FirstName(Gender.Male)),
                Draw(600, () => faker.Name.LastName(Gender.Female)),
                Draw(600, () => faker.Name.LastName(Gender.Male)),
                Draw(1500, () => faker.Company.CompanyName()),
                Draw(600, () => faker.Name.JobTitle()));
            pools[locale] = pool;
        }

        return pool;
    }

    private sealed record Pools(string[] FemaleFirst, string[] MaleFirst, string[] FemaleLast, string[] MaleLast, string[] Companies, string[] JobTitles);

    /// <summary>A seed from several numbers, the same in every process (unlike <see cref="HashCode"/>).</summary>
    private static int Mix(long a, long b, long c = 0)
    {
        var x = unchecked((ulong)a * 0x9E3779B97F4A7C15UL ^ (ulong)b * 0xBF58476D1CE4E5B9UL ^ (ulong)c * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        x *= 0xD6E8FEB86659FD93UL;
        x ^= x >> 32;
        return (int)(x & 0x7fffffff);
    }

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private IReadOnlyList<GeneratedStudy> Studies()
    {
        var first = Study(departmentPick.Pick(random), null);
        if (random.NextDouble() >= 0.12)
        {
            return [first];
        }

        // A second study: most often a master's after a bachelor's in the same department.
        var department = random.NextDouble() < 0.6 ? first.DepartmentCode : departmentPick.Pick(random);
        var after = first.EndYear + random.Next(0, 4);
        return after + 2 <= LastYear ? [first, Study(department, after)] : [first];
    }

    private GeneratedStudy Study(string department, int? startAtLeast)
    {
        var subject = ReferenceData.Subjects.GetValueOrDefault(department, department.ToLowerInvariant());
        ReferenceData.Professional.TryGetValue(department, out var professional);
        var roll = random.NextDouble();
        var degree = startAtLeast is not null
            ? roll < 0.75 ? DegreeType.Master : roll < 0.85 ? DegreeType.PhD : DegreeType.None
            : roll switch
            {
                < 0.38 => DegreeType.Bachelor,
                < 0.62 => DegreeType.Master,
                < 0.80 => DegreeType.None,
                < 0.85 => DegreeType.Exchange,
                < 0.88 => DegreeType.PhD,
                _ => professional is null ? DegreeType.Bachelor : DegreeType.Professional,
            };
        string programme;
        decimal credits;
        int years;
        switch (degree)
        {
            case DegreeType.Bachelor:
                programme = $"Kandidatprogram i {subject}";
                (credits, years) = (180m, 3);
                break;
            case DegreeType.Master:
                var oneYear = random.NextDouble() < 0.3;
                programme = oneYear ? $"Magisterprogram i {subject}" : $"Masterprogram i {subject}";
                (credits, years) = oneYear ? (60m, 1) : (120m, 2);
                break;
            case DegreeType.Professional:
                var p = professional![random.Next(professional.Length)];
                (programme, credits, years) = p;
                break;
            case DegreeType.PhD:
                programme = $"Forskarutbildning i {subject}";
                (credits, years) = (240m, 4 + random.Next(0, 3));
                break;
            case DegreeType.Exchange:
                programme = "Utbytesstudier";
                (credits, years) = random.NextDouble() < 0.6 ? (30m, 0) : (60m, 1);
                break;
            default:
                programme = $"Fristående kurser i {subject}";
                credits = 7.5m * (1 + (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 2.5));
                years = (int)(credits / 60m);
                break;
        }

        if (degree is DegreeType.Bachelor or DegreeType.Master or DegreeType.Professional && random.NextDouble() < 0.15)
        {
            // Left before the degree: a part of the credits, in whole 7.5 hp courses.
            credits = Math.Max(7.5m, 7.5m * random.Next(1, (int)(credits / 7.5m)));
        }

        if (random.NextDouble() < 0.004)
        {
            // A few registered students who hardly earned anything: below the 1 hp an alumnus needs.
            credits = random.NextDouble() < 0.5 ? 0.5m : 0m;
        }

        credits = Math.Min(credits, 300m);
        if (startAtLeast is null && random.NextDouble() < 0.15)
        {
            programme = degree == DegreeType.None ? "" : programme;
        }

        var latestStart = LastYear - years;
        var start = startAtLeast is { } min ? Math.Min(min, latestStart) : startYearPick.Pick(random);
        start = Math.Clamp(start, FirstYear, latestStart);
        return new GeneratedStudy(department, programme.Length == 0 ? null : programme, degree, start, start + years, credits);
    }

    private DateOnly BirthDate(int startYear)
    {
        var age = random.NextDouble() < 0.85 ? 19 + random.Next(0, 6) : 25 + random.Next(0, 21);
        var year = startYear - age;
        var month = random.Next(1, 13);
        return new DateOnly(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1));
    }

    /// <summary>
    /// A personal identity (or coordination) number no other member has: the birth numbers of a date and sex are
    /// handed out in a fixed shuffled order, one after another (a counter per date, never a list of the numbers made);
    /// when a date has none left, the next day's. Numbers <see cref="PinTaken"/> refuses are skipped.
    /// </summary>
    private string? UniquePin(DateOnly birth, bool female, bool coordination)
    {
        const int Slots = 499; // birth numbers 001–999: odd for men, even (002–998) for women; 499 is prime
        for (var shift = 0; shift < 366; shift++)
        {
            var date = birth.AddDays(shift);
            var key = ((long)date.DayNumber << 2) | (female ? 2L : 0L) | (coordination ? 1L : 0L);
            pinsIssued.TryGetValue(key, out var used);
            while (used < Slots)
            {
                var slot = (int)((used++ * 211L + date.DayNumber * 7L) % Slots);
                var pin = PersonalIdentityNumber.Create(date, female ? 2 + slot * 2 : 1 + slot * 2, coordination);
                if (PinTaken?.Invoke(pin) != true)
                {
                    pinsIssued[key] = used;
                    return pin;
                }
            }

            pinsIssued[key] = used;
        }

        return null;
    }

    private string Email((string First, string Last) name, long index, string origin)
    {
        var number = Permute(index, 3_141_593, MaxMembers).ToString(CultureInfo.InvariantCulture);
        var local = random.Next(4) switch
        {
            0 => $"{name.First}.{name.Last}{number}",
            1 => $"{name.First[0]}.{name.Last}{number}",
            2 => $"{name.First}{name.Last}{number}",
            _ => $"{name.Last}.{name.First}{number}",
        };
        var domain = origin != "SE" && random.NextDouble() < 0.6 && ReferenceData.NationalEmailDomains.TryGetValue(origin, out var national)
            ? national[random.Next(national.Length)]
            : domainPick.Pick(random);
        return $"{local}@{domain}";
    }

    private string WorkDomain(string? employer)
    {
        var name = employer is null ? "" : Ascii(employer);
        return name.Length >= 2 ? $"{name}.se" : "arbete.se";
    }

    private string? City(string country) => cityPicks.TryGetValue(country, out var pick) ? pick.Pick(random) : null;

    private IReadOnlyList<string> Interests()
    {
        if (random.NextDouble() < 0.4)
        {
            return [];
        }

        var count = random.Next(1, 5);
        var tags = new List<string>(count);
        while (tags.Count < count)
        {
            var tag = ReferenceData.Interests[random.Next(ReferenceData.Interests.Length)];
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static string Bio(GeneratedStudy study, string? employer) =>
        employer is null
            ? $"Studerade {study.Programme?.ToLowerInvariant() ?? "vid " + study.DepartmentCode} {study.StartYear}–{study.EndYear}."
            : $"Studerade {study.Programme?.ToLowerInvariant() ?? "vid " + study.DepartmentCode} {study.StartYear}–{study.EndYear}. Arbetar på {employer}.";

    /// <summary>Lower-case ASCII letters and digits only: what an address or a profile slug is made of.</summary>
    public static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case >= 'a' and <= 'z' or >= '0' and <= '9':
                    builder.Append(c);
                    break;
                case 'ø':
                    builder.Append('o');
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                case 'ł':
                    builder.Append('l');
                    break;
                case 'ı':
                    builder.Append('i');
                    break;
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'đ':
                    builder.Append('d');
                    break;
            }
        }

        return builder.ToString();
    }
}

/// <summary>Picks values with given weights (cumulative weights, binary search).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] values;
    private readonly double[] cumulative;

    public Weighted(IEnumerable<(T Value, double Weight)> items)
    {
        var list = items.Where(i => i.Weight > 0).ToList();
        values = list.Select(i => i.Value).ToArray();
        cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            cumulative[i] = sum;
        }
    }

    public T Pick(Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return values[i < 0 ? Math.Min(~i, values.Length - 1) : i];
    }
}
