#include "methodregistry.h"

#include "translations.h"

#include <QHash>

namespace equiscope {

namespace {

MethodOption real(const QString &key, const QString &label, double def, double min, double max,
                  const QString &tip, int decimals = 4)
{
    MethodOption o;
    o.key = key;
    o.label = label;
    o.kind = MethodOption::Kind::Real;
    o.defaultValue = def;
    o.minimum = min;
    o.maximum = max;
    o.decimals = decimals;
    o.toolTip = tip;
    return o;
}

MethodOption integer(const QString &key, const QString &label, int def, int min, int max,
                     const QString &tip)
{
    MethodOption o = real(key, label, def, min, max, tip, 0);
    o.kind = MethodOption::Kind::Integer;
    o.defaultValue = def;
    return o;
}

MethodOption choice(const QString &key, const QString &label, const QStringList &choices,
                    const QString &tip)
{
    MethodOption o;
    o.key = key;
    o.label = label;
    o.kind = MethodOption::Kind::Choice;
    o.choices = choices;
    o.defaultValue = choices.value(0);
    o.toolTip = tip;
    return o;
}

MethodOption flag(const QString &key, const QString &label, bool def, const QString &tip)
{
    MethodOption o;
    o.key = key;
    o.label = label;
    o.kind = MethodOption::Kind::Flag;
    o.defaultValue = def;
    o.toolTip = tip;
    return o;
}

} // namespace

MethodRegistry::MethodRegistry()
{
    const MethodOption temperature =
        real(QStringLiteral("temperature"), tr("Temperature τ"), 0.1, 0.001, 10.0,
             tr("Divides the cosine similarities: S_ij = cos(h_i, h_j) / τ. Smaller values sharpen "
                "the softmax and weight hard negatives more."));
    const MethodOption attentionScale =
        real(QStringLiteral("attentionScale"), tr("Attention scale ρ"), 1.0, 0.001, 100.0,
             tr("Scales the attention logits A_ij = q_i·k_j / ρ computed from the protected "
                "attribute z. Larger ρ flattens the attention over the batch."));
    const MethodOption negativeScale = choice(
        QStringLiteral("negativeScale"), tr("Negative scale"),
        {QStringLiteral("1"), QStringLiteral("b-1")},
        tr("The factor c in front of the attention-weighted negatives: 1 as in the paper, or "
           "b − 1 as CCLK does."));
    const MethodOption symmetric =
        flag(QStringLiteral("symmetric"), tr("Symmetric"), true,
             tr("Average the loss of both directions (view x → view y and y → x) with the same "
                "attention."));

    MethodInfo fare;
    fare.name = QStringLiteral("fare");
    fare.family = QStringLiteral("fare");
    fare.title = tr("FARE");
    fare.description = tr("Fairness-aware attention: each anchor's negatives are weighted by an "
                          "attention over the protected attribute, so the representation stops "
                          "encoding it. O(b²) per batch.");
    fare.options = {temperature, attentionScale,
                    choice(QStringLiteral("diagonal"), tr("Diagonal"),
                           {QStringLiteral("mask"), QStringLiteral("keep")},
                           tr("Whether an anchor may attend to itself (keep) or not (mask).")),
                    negativeScale, symmetric};
    m_methods.append(fare);

    MethodInfo sparse;
    sparse.name = QStringLiteral("sparse-fare");
    sparse.family = QStringLiteral("fare");
    sparse.title = tr("SparseFARE");
    sparse.description = tr("FARE with the attention restricted to a locality-sensitive-hashing "
                            "support of z: O(b · bucket size) instead of O(b²).");
    sparse.options = {
        temperature,
        attentionScale,
        negativeScale,
        symmetric,
        integer(QStringLiteral("bucketSize"), tr("Bucket size"), 128, 32, 512,
                tr("Samples per LSH bucket (32–512). The batch is split into b / bucket size "
                   "buckets; larger buckets approach full FARE.")),
        integer(QStringLiteral("hashRounds"), tr("Hash rounds"), 1, 1, 8,
                tr("Independent hashings (1–8); the support is their union, so more rounds miss "
                   "fewer similar pairs at a higher cost.")),
        choice(QStringLiteral("support"), tr("Support"),
               {QStringLiteral("adjacent"), QStringLiteral("intra")},
               tr("adjacent: a bucket also attends to its neighbour bucket; intra: only within "
                  "the bucket."))};
    m_methods.append(sparse);

    MethodInfo infonce;
    infonce.name = QStringLiteral("infonce");
    infonce.family = QStringLiteral("fare");
    infonce.title = tr("InfoNCE (SimCLR)");
    infonce.description = tr("The unfair baseline: SimCLR's NT-Xent with 2b anchors and 2b − 2 "
                             "negatives, blind to the protected attribute.");
    infonce.options = {temperature};
    m_methods.append(infonce);

    MethodInfo fairInfonce;
    fairInfonce.name = QStringLiteral("fair-infonce");
    fairInfonce.family = QStringLiteral("fare");
    fairInfonce.title = tr("Fair-InfoNCE");
    fairInfonce.description = tr("InfoNCE whose negatives are restricted to the anchor's protected "
                                 "group; continuous z is binned by k-means first.");
    fairInfonce.options = {
        temperature,
        choice(QStringLiteral("fairMode"), tr("Fair mode"),
               {QStringLiteral("batch"), QStringLiteral("mask")},
               tr("batch: sample each batch from one group; mask: mask out the negatives of other "
                  "groups within a mixed batch.")),
        integer(QStringLiteral("bins"), tr("Bins K"), 10, 2, 1000,
                tr("Number of k-means bins for a continuous or vector protected attribute."))};
    m_methods.append(fairInfonce);

    MethodInfo cclk;
    cclk.name = QStringLiteral("cclk");
    cclk.family = QStringLiteral("fare");
    cclk.title = tr("CCLK");
    cclk.description = tr("Conditional contrastive learning with kernel (Tsai et al. 2022): "
                          "negatives re-weighted by a kernel ridge regression on z.");
    cclk.options = {
        temperature,
        choice(QStringLiteral("kernel"), tr("Kernel"),
               {QStringLiteral("cosine"), QStringLiteral("rbf"), QStringLiteral("laplacian"),
                QStringLiteral("linear"), QStringLiteral("polynomial")},
               tr("The kernel K_Z over the protected attribute.")),
        real(QStringLiteral("bandwidth"), tr("Bandwidth"), 1.0, 0.001, 1000.0,
             tr("The kernels see z / bandwidth (RBF, Laplacian, linear, polynomial).")),
        real(QStringLiteral("lambda"), tr("Ridge λ"), 0.01, 0.0001, 100.0,
             tr("Ridge term of (K_Z + λI)⁻¹ K_Z; larger values smooth the conditioning.")),
        integer(QStringLiteral("polynomialDegree"), tr("Polynomial degree"), 3, 1, 10,
                tr("Degree of the polynomial kernel."))};
    m_methods.append(cclk);
}

const MethodRegistry &MethodRegistry::instance()
{
    // Titles, labels and tool tips are translated when a registry is built: one registry per
    // interface language (a process switches language only in tests, but then the launcher
    // must not keep the first language's texts). Never freed, so handed-out pointers stay valid.
    static QHash<QString, const MethodRegistry *> registries;
    const QString language = Translations::current();
    const MethodRegistry *&registry = registries[language];
    if (!registry)
        registry = new MethodRegistry;
    return *registry;
}

QStringList MethodRegistry::families() const
{
    QStringList result;
    for (const MethodInfo &m : m_methods)
        if (!result.contains(m.family))
            result.append(m.family);
    return result;
}

const MethodInfo *MethodRegistry::method(const QString &name) const
{
    for (const MethodInfo &m : m_methods)
        if (m.name == name)
            return &m;
    return nullptr;
}

} // namespace equiscope
