namespace Alumni.Benchmarks.Generation;

/// <summary>The hand-made lists the generator draws from, with the weights that make the data look like an alumni register.</summary>
internal static class ReferenceData
{
    /// <summary>How large a department's alumni body is, relative to the others (codes not listed weigh 1).</summary>
    public static readonly IReadOnlyDictionary<string, double> DepartmentWeights = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["SBS"] = 9, ["LAW"] = 8, ["PSY"] = 6, ["DSV"] = 6, ["ECON"] = 5, ["EDU"] = 5, ["POL"] = 4, ["SOCW"] = 4,
        ["BUV"] = 3.5, ["ENG"] = 3, ["SOCI"] = 3, ["JMK"] = 3, ["MATH"] = 2.5, ["HIST"] = 2.5, ["SPED"] = 2.5, ["LING"] = 2,
        ["CULT"] = 2, ["HUMG"] = 2, ["CRIM"] = 2, ["EKH"] = 2, ["ROM"] = 1.5, ["ASIA"] = 1.5, ["PHIL"] = 1.5, ["STAT"] = 1.5,
        ["DEEP"] = 1.5, ["MBW"] = 1.2, ["PHYS"] = 1.5, ["ACES"] = 1.2, ["NATG"] = 1, ["IGV"] = 0.8, ["MMK"] = 0.8, ["DBB"] = 0.8,
        ["SCEM"] = 0.7, ["ZOO"] = 0.6, ["ORGC"] = 0.5, ["MISU"] = 0.4, ["ASTR"] = 0.4, ["TRAN"] = 0.7, ["SLAV"] = 0.8,
        ["SWE"] = 1.2, ["ETHN"] = 1, ["ARCH"] = 0.8, ["MEDIA"] = 1, ["SANT"] = 0.9,
    };

    /// <summary>The subject a department's programmes are named after (Swedish).</summary>
    public static readonly IReadOnlyDictionary<string, string> Subjects = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ARCH"] = "arkeologi", ["ASIA"] = "Asienstudier", ["CULT"] = "kulturvetenskap", ["ENG"] = "engelska", ["ETHN"] = "genusvetenskap",
        ["HIST"] = "historia", ["LING"] = "lingvistik", ["MEDIA"] = "filmvetenskap", ["PHIL"] = "filosofi", ["ROM"] = "franska",
        ["SLAV"] = "ryska", ["SWE"] = "svenska", ["TRAN"] = "översättning", ["LAW"] = "juridik", ["BUV"] = "barn- och ungdomsvetenskap",
        ["DSV"] = "data- och systemvetenskap", ["CRIM"] = "kriminologi", ["EKH"] = "internationella relationer", ["ECON"] = "nationalekonomi",
        ["EDU"] = "pedagogik", ["HUMG"] = "kulturgeografi", ["JMK"] = "medie- och kommunikationsvetenskap", ["POL"] = "statsvetenskap",
        ["PSY"] = "psykologi", ["SANT"] = "socialantropologi", ["SOCW"] = "socialt arbete", ["SOCI"] = "sociologi", ["SBS"] = "företagsekonomi",
        ["SPED"] = "specialpedagogik", ["STAT"] = "statistik", ["ASTR"] = "astronomi", ["DBB"] = "biokemi", ["DEEP"] = "biologi",
        ["ACES"] = "miljövetenskap", ["IGV"] = "geovetenskap", ["MMK"] = "kemi", ["MATH"] = "matematik", ["MISU"] = "meteorologi",
        ["MBW"] = "molekylärbiologi", ["ORGC"] = "organisk kemi", ["NATG"] = "naturgeografi", ["PHYS"] = "fysik", ["ZOO"] = "zoologi",
        ["SCEM"] = "ämnesdidaktik",
    };

    /// <summary>Professional degree programmes by department, with their credits and years.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, decimal Credits, int Years)[]> Professional =
        new Dictionary<string, (string, decimal, int)[]>(StringComparer.Ordinal)
        {
            ["LAW"] = [("Juristprogrammet", 270m, 5)],
            ["PSY"] = [("Psykologprogrammet", 300m, 5), ("Psykoterapeutprogrammet", 90m, 3)],
            ["SOCW"] = [("Socionomprogrammet", 210m, 4)],
            ["BUV"] = [("Förskollärarprogrammet", 210m, 4)],
            ["EDU"] = [("Grundlärarprogrammet", 240m, 4), ("Kompletterande pedagogisk utbildning", 90m, 2)],
            ["SPED"] = [("Speciallärarprogrammet", 90m, 3), ("Specialpedagogprogrammet", 90m, 3)],
            ["SCEM"] = [("Ämneslärarprogrammet", 300m, 5)],
            ["SBS"] = [("Civilekonomprogrammet", 240m, 4)],
            ["DSV"] = [("Civilingenjörsprogrammet i informationsteknik", 300m, 5)],
        };

    public static readonly (string Country, double Weight)[] InternationalOrigins =
    [
        ("NO", 12), ("FI", 12), ("DE", 12), ("DK", 9), ("GB", 8), ("CN", 8), ("US", 7), ("IN", 7), ("FR", 5), ("NL", 4),
        ("ES", 4), ("IT", 4), ("PL", 4), ("TR", 4),
    ];

    /// <summary>Bogus locales for a country of origin; null where the names come from the lists below.</summary>
    public static string? Locale(string country) => country switch
    {
        "SE" => "sv", "NO" => "nb_NO", "FI" => "fi", "DE" => "de", "GB" => "en_GB", "US" => "en_US", "IN" => "en_IND",
        "FR" => "fr", "NL" => "nl", "ES" => "es", "IT" => "it", "PL" => "pl", "TR" => "tr", _ => null,
    };

    public static readonly string[] DanishFemale = ["Anne", "Mette", "Hanne", "Camilla", "Louise", "Ida", "Freja", "Sofie", "Maja", "Line", "Signe", "Karen"];
    public static readonly string[] DanishMale = ["Mads", "Rasmus", "Søren", "Jens", "Anders", "Frederik", "Mikkel", "Christian", "Niels", "Lars", "Emil", "Kasper"];
    public static readonly string[] DanishLast = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Madsen", "Kristensen", "Mortensen", "Østergaard"];
    public static readonly string[] ChineseFemale = ["Li Na", "Xiaomei", "Yan", "Jing", "Mei", "Hui", "Lan", "Ying", "Xin", "Fang", "Yuqing", "Ruoxi"];
    public static readonly string[] ChineseMale = ["Wei", "Jun", "Hao", "Lei", "Ming", "Tao", "Yong", "Jian", "Zhiwei", "Haoran", "Yifan", "Bo"];
    public static readonly string[] ChineseLast = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo"];

    /// <summary>Where members of Swedish origin live.</summary>
    public static readonly (string Country, double Weight)[] SwedishResidence =
    [
        ("SE", 93), ("NO", 1.5), ("GB", 1), ("US", 1), ("DK", 1), ("DE", 0.8), ("FI", 0.5), ("CH", 0.4), ("NL", 0.3), ("FR", 0.2),
        ("ES", 0.2), ("AU", 0.1),
    ];

    public static readonly IReadOnlyDictionary<string, (string City, double Weight)[]> Cities = new Dictionary<string, (string, double)[]>(StringComparer.Ordinal)
    {
        ["SE"] =
        [
            ("Stockholm", 45), ("Solna", 4), ("Sundbyberg", 3), ("Nacka", 4), ("Huddinge", 3), ("Lidingö", 2), ("Järfälla", 2),
            ("Sollentuna", 2), ("Danderyd", 1.5), ("Täby", 2), ("Södertälje", 2), ("Uppsala", 8), ("Göteborg", 8), ("Malmö", 6),
            ("Lund", 2), ("Linköping", 2), ("Västerås", 2), ("Örebro", 2), ("Norrköping", 1.5), ("Umeå", 1.5), ("Gävle", 1),
            ("Sundsvall", 1), ("Luleå", 1), ("Visby", 0.5), ("Norrtälje", 1), ("Eskilstuna", 1),
        ],
        ["NO"] = [("Oslo", 6), ("Bergen", 2), ("Trondheim", 1.5), ("Stavanger", 1)],
        ["DK"] = [("København", 6), ("Aarhus", 2), ("Odense", 1), ("Aalborg", 1)],
        ["FI"] = [("Helsingfors", 6), ("Esbo", 2), ("Åbo", 1.5), ("Tammerfors", 1.5)],
        ["DE"] = [("Berlin", 5), ("Hamburg", 2), ("München", 2), ("Frankfurt am Main", 1.5), ("Köln", 1)],
        ["GB"] = [("London", 7), ("Manchester", 1), ("Edinburgh", 1), ("Cambridge", 0.7), ("Oxford", 0.7)],
        ["US"] = [("New York", 4), ("San Francisco", 2), ("Boston", 2), ("Seattle", 1), ("Chicago", 1)],
        ["CN"] = [("Beijing", 3), ("Shanghai", 3), ("Shenzhen", 1.5), ("Guangzhou", 1)],
        ["IN"] = [("Bangalore", 3), ("Mumbai", 2), ("New Delhi", 2), ("Chennai", 1), ("Pune", 1)],
        ["FR"] = [("Paris", 5), ("Lyon", 1), ("Marseille", 1)],
        ["NL"] = [("Amsterdam", 4), ("Rotterdam", 1), ("Utrecht", 1), ("Den Haag", 1)],
        ["ES"] = [("Madrid", 3), ("Barcelona", 3), ("Valencia", 1)],
        ["IT"] = [("Rom", 2), ("Milano", 3), ("Bologna", 1)],
        ["PL"] = [("Warszawa", 4), ("Kraków", 2), ("Gdańsk", 1)],
        ["TR"] = [("Istanbul", 4), ("Ankara", 2), ("Izmir", 1)],
        ["CH"] = [("Zürich", 3), ("Genève", 2), ("Basel", 1)],
        ["AU"] = [("Sydney", 3), ("Melbourne", 2)],
    };

    public static readonly (string Domain, double Weight)[] EmailDomains =
    [
        ("gmail.com", 34), ("hotmail.com", 12), ("outlook.com", 8), ("icloud.com", 6), ("yahoo.com", 4), ("live.se", 3),
        ("telia.com", 3), ("hotmail.se", 3), ("proton.me", 1.5), ("bredband.net", 1), ("comhem.se", 1), ("me.com", 1.5),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> NationalEmailDomains = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["NO"] = ["online.no", "gmail.com"], ["DK"] = ["mail.dk", "gmail.com"], ["FI"] = ["gmail.com", "luukku.com"],
        ["DE"] = ["web.de", "gmx.de", "gmail.com"], ["GB"] = ["yahoo.co.uk", "gmail.com"], ["US"] = ["gmail.com", "yahoo.com"],
        ["CN"] = ["qq.com", "163.com", "gmail.com"], ["IN"] = ["gmail.com", "rediffmail.com"], ["FR"] = ["orange.fr", "gmail.com"],
        ["NL"] = ["ziggo.nl", "gmail.com"], ["ES"] = ["gmail.com", "yahoo.es"], ["IT"] = ["libero.it", "gmail.com"],
        ["PL"] = ["wp.pl", "onet.pl", "gmail.com"], ["TR"] = ["gmail.com", "hotmail.com"],
    };

    public static readonly string[] Employers =
    [
        "Ericsson", "Spotify", "SEB", "Handelsbanken", "Swedbank", "Nordea", "Klarna", "Karolinska Institutet", "Region Stockholm",
        "Stockholms stad", "Skatteverket", "Försäkringskassan", "Regeringskansliet", "Sveriges riksbank", "Vattenfall", "H&M", "IKEA",
        "Volvo Cars", "Scania", "AstraZeneca", "Atlas Copco", "ABB", "Telia Company", "Tele2", "Sveriges Television", "Sveriges Radio",
        "Dagens Nyheter", "Bonnier", "Polismyndigheten", "Stockholms universitet", "KTH", "Uppsala universitet", "Deloitte", "PwC",
        "EY", "KPMG", "McKinsey & Company", "Mannheimer Swartling", "Vinge", "Skanska", "NCC", "Microsoft", "Google", "King",
        "Mojang Studios", "Epiroc", "Sandvik", "Folksam", "Länsförsäkringar", "Skolverket", "Migrationsverket", "Statistiska centralbyrån",
        "Naturvårdsverket", "Socialstyrelsen", "Sida", "Folkhälsomyndigheten", "Solna stad", "Nacka kommun", "Danderyds sjukhus",
        "Sveriges domstolar", "Åklagarmyndigheten", "Kriminalvården", "Arbetsförmedlingen", "Riksdagsförvaltningen", "Utrikesdepartementet",
    ];

    public static readonly string[] Industries =
    [
        "Information technology", "Banking and finance", "Public administration", "Education", "Research", "Healthcare", "Law",
        "Consulting", "Media and communications", "Retail", "Manufacturing", "Energy", "Non-profit", "Culture", "Life sciences",
        "Telecommunications", "Real estate", "Transport and logistics", "Insurance", "Social services",
    ];

    /// <summary>The industry alumni of a department most often end up in.</summary>
    public static string? TypicalIndustry(string department) => department switch
    {
        "DSV" or "MATH" or "STAT" or "PHYS" => "Information technology",
        "SBS" or "ECON" => "Banking and finance",
        "LAW" or "CRIM" => "Law",
        "PSY" => "Healthcare",
        "EDU" or "BUV" or "SPED" or "SCEM" => "Education",
        "SOCW" => "Social services",
        "JMK" or "MEDIA" => "Media and communications",
        "POL" or "EKH" or "HUMG" => "Public administration",
        "DBB" or "MBW" or "ORGC" or "MMK" => "Life sciences",
        "ACES" or "DEEP" or "NATG" or "IGV" or "MISU" => "Energy",
        _ => null,
    };

    public static readonly string[] SwedishJobTitles =
    [
        "Utredare", "Handläggare", "Systemutvecklare", "Projektledare", "Jurist", "Advokat", "Psykolog", "Lärare", "Ekonom", "Controller",
        "Analytiker", "Forskare", "Kommunikatör", "Konsult", "Enhetschef", "Produktägare", "Journalist", "Socionom", "Förskollärare",
        "Doktorand", "Verksamhetsutvecklare", "Rektor", "HR-specialist", "Data scientist", "Revisor", "Departementssekreterare",
        "Kurator", "Specialpedagog", "Miljöstrateg", "Statistiker",
    ];

    public static readonly string[] Interests =
    [
        "ai", "hållbarhet", "entreprenörskap", "mentorskap", "forskning", "jämställdhet", "klimat", "fintech", "juridik", "psykologi",
        "utbildning", "data science", "ledarskap", "internationellt", "kultur", "litteratur", "musik", "idrott", "startups",
        "public policy", "open source", "hälsa", "design", "historia", "språk", "journalistik", "mänskliga rättigheter", "matematik",
    ];

    public static readonly string[] DirectoryFieldSets =
    [
        "Email,Country,City", "Email,Country,City,Employer,JobTitle", "Country,Employer,JobTitle,Industry", "Email,LinkedInUrl",
        "Email,Country,City,Employer,JobTitle,Industry,LinkedInUrl,Interests,Offers,Affiliations",
    ];
}
