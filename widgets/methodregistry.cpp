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

    addFairSslFamily();
    addClusteringMethods();
}

void MethodRegistry::addFairSslFamily()
{
    // Keys are FairSslConfig JSON paths (FairSslConfig::withOption()).
    const MethodOption seedSize =
        integer(QStringLiteral("pool.seedSize"), tr("Seed set size"), 500, 2, 1000000,
                tr("Seed set S: labelled train images of the target levels. The curated set is S "
                   "plus the pool images retrieved for each seed."));
    const MethodOption poolLimit = integer(
        QStringLiteral("pool.limit"), tr("Pool size"), 3000, 0, 10000000,
        tr("Unlabelled pool U drawn from the train split (0 = all of it). Test images never "
           "enter it."));
    const MethodOption embedEpochs =
        integer(QStringLiteral("encoder.epochs"), tr("SimCLR epochs"), 2, 1, 10000,
                tr("Epochs of the built-in SimCLR encoder that embeds U ∪ S (stage 1)."));
    const MethodOption dedup =
        real(QStringLiteral("dedup.threshold"), tr("Dedup cosine τ"), 0.95, 0.5, 1.0,
             tr("Images whose embeddings have cosine ≥ τ form near-duplicate groups; the first of "
                "each group is kept. Pool images this close to a test image are dropped."),
             3);
    const MethodOption retrieval =
        integer(QStringLiteral("retrieval.perSeed"), tr("Retrieved per seed M"), 2, 0, 1000,
                tr("For every seed image, the M most similar pool images join the curated set."));
    const MethodOption quality =
        flag(QStringLiteral("quality.enabled"), tr("Quality filter"), true,
             tr("Drop images whose sharpness (variance of the Laplacian, a proxy for the paper's "
                "face-quality network) is below the threshold."));
    const MethodOption qualityThreshold =
        real(QStringLiteral("quality.threshold"), tr("Sharpness threshold"), 20.0, 0.0, 1e6,
             tr("Minimum variance of the Laplacian of the grey image."), 1);
    const MethodOption pseudoMode = choice(
        QStringLiteral("pseudoLabels.mode"), tr("Pseudo-labels"),
        {QStringLiteral("kmeans"), QStringLiteral("knn"), QStringLiteral("zero-shot")},
        tr("kmeans: K = C clusters mapped to classes by the labelled examples' vote; knn: vote of "
           "the nearest labelled examples; zero-shot: cosine to class text embeddings (needs a "
           "TorchScript image tower and a text-embedding file)."));
    const MethodOption labelled =
        integer(QStringLiteral("pseudoLabels.labelledPerClass"), tr("Labelled per class"), 10, 1,
                100000, tr("Labelled seed images per class used to map clusters to classes."));
    const MethodOption supconTau =
        real(QStringLiteral("supcon.temperature"), tr("SupCon τ"), 0.07, 0.001, 10.0,
             tr("Temperature of the supervised-contrastive loss over the 2N views."), 3);
    const MethodOption metaFraction =
        real(QStringLiteral("metaWeight.fraction"), tr("Meta set fraction"), 0.02, 0.001, 1.0,
             tr("Size of the meta set (high-confidence pseudo-labelled images, balanced across "
                "groups and classes) as a fraction of the curated set."),
             3);
    const MethodOption scope =
        choice(QStringLiteral("metaWeight.scope"), tr("Look-ahead scope"),
               {QStringLiteral("head+last-block"), QStringLiteral("full")},
               tr("Parameters the one-step look-ahead differentiates through (second order): the "
                  "projection head and the encoder's last block (cheap), or the full encoder."));
    const MethodOption step =
        real(QStringLiteral("metaWeight.step"), tr("Look-ahead step α"), 0.1, 0.0001, 10.0,
             tr("Step size of the virtual update θ̂ = θ − α ∇θ Σ V(ℓ) ℓ / Σ V(ℓ)."));

    MethodInfo full;
    full.name = QStringLiteral("fair-ssl");
    full.family = QStringLiteral("fair-ssl");
    full.title = tr("Fair SSL pipeline");
    full.description =
        tr("Embed → deduplicate → retrieve → quality filter → pseudo-label → SupCon weighted by "
           "Meta-Weight-Net (one-step look-ahead on a group-balanced meta set) → linear "
           "classifier. Each stage is a visible, resumable step.");
    full.options = {
        seedSize,   poolLimit, embedEpochs, dedup,        retrieval, quality, qualityThreshold,
        pseudoMode, labelled,  supconTau,   metaFraction, scope,     step};
    m_methods.append(full);

    MethodInfo simclr;
    simclr.name = QStringLiteral("simclr");
    simclr.family = QStringLiteral("fair-ssl");
    simclr.title = tr("SimCLR + linear probe");
    simclr.description = tr("Baseline: the pipeline's SimCLR encoder trained on U ∪ S, frozen, "
                            "with the same linear classifier and group metrics.");
    simclr.options = {seedSize, poolLimit, embedEpochs};
    m_methods.append(simclr);

    MethodInfo supcon;
    supcon.name = QStringLiteral("supcon");
    supcon.family = QStringLiteral("fair-ssl");
    supcon.title = tr("SupCon, unweighted pseudo-labels");
    supcon.description = tr("Baseline: the whole pipeline with plain SupCon on the pseudo-labels "
                            "(no meta-learned weights).");
    supcon.options = {seedSize, poolLimit,        embedEpochs, dedup,    retrieval,
                      quality,  qualityThreshold, pseudoMode,  labelled, supconTau};
    m_methods.append(supcon);

    MethodInfo ce;
    ce.name = QStringLiteral("supervised-ce");
    ce.family = QStringLiteral("fair-ssl");
    ce.title = tr("Supervised cross-entropy");
    ce.description = tr("Upper reference: the encoder trained with cross-entropy on the true "
                        "labels of the train split, then the same linear classifier.");
    m_methods.append(ce);
}

void MethodRegistry::addClusteringMethods()
{
    // Keys are ClusteringConfig JSON keys (fair-clustering.md); the launcher form writes them.
    const MethodOption k = integer(
        QStringLiteral("k"), tr("Neighbours k"), 80, 2, 1000,
        tr("Neighbours per sample in the exact cosine kNN graph; each anchor's cluster is the "
           "sequence of its k nearest neighbours (the anchor first)."));
    const MethodOption subClusters =
        integer(QStringLiteral("subClusters"), tr("Sub-clusters S"), 4, 2, 64,
                tr("The ranked neighbours split into S contiguous sub-clusters: the first is the "
                   "centroid, the last the furthest."));
    const MethodOption layers = integer(QStringLiteral("layers"), tr("Encoder layers"), 2, 0, 24,
                                        tr("Self-attention encoder layers over the tokens."));
    const MethodOption heads =
        integer(QStringLiteral("heads"), tr("Heads"), 4, 1, 32, tr("Attention heads."));
    const MethodOption width = integer(
        QStringLiteral("width"), tr("Width"), 0, 0, 4096,
        tr("Model width; 0 = feature dimension + k, rounded up to a multiple of the heads."));
    const MethodOption edge = real(
        QStringLiteral("edgeThreshold"), tr("Edge threshold"), 0.9, 0.0, 1.0,
        tr("An edge (anchor, neighbour) is kept when the model's probability p exceeds it."), 3);
    const MethodOption shared =
        real(QStringLiteral("sharedThreshold"), tr("Shared-neighbour ratio"), 0.65, 0.0, 1.0,
             tr("An edge survives only if the two samples share this fraction of their neighbours "
                "(0 keeps every edge). Connected components of the survivors are the clusters."),
             3);
    const MethodOption tune =
        flag(QStringLiteral("tuneThresholds"), tr("Tune thresholds on validation"), true,
             tr("Pick both thresholds on the validation identities (never on test); off uses the "
                "values above."));

    MethodInfo fair;
    fair.name = QStringLiteral("transformer-fair");
    fair.family = QStringLiteral("clustering");
    fair.title = tr("Fair transformer clustering");
    fair.description =
        tr("Tokens [feature ; similarity row] of each anchor's kNN sequence, a transformer "
           "encoder, Cross-attention from the furthest to the centroid sub-cluster, and BCE + "
           "soft Fowlkes–Mallows + λ · purity loss.");
    fair.options = {k,
                    subClusters,
                    layers,
                    heads,
                    width,
                    flag(QStringLiteral("crossAttention"), tr("Cross-attention"), true,
                         tr("Queries from the furthest sub-cluster attend to the centroid "
                            "sub-cluster (ablation: off).")),
                    flag(QStringLiteral("crossAttentionAll"), tr("…for every sub-cluster"), false,
                         tr("Apply the Cross-attention to every non-central sub-cluster, not "
                            "only the furthest.")),
                    flag(QStringLiteral("purityLoss"), tr("Purity loss"), true,
                         tr("Add λ · purity penalty to the loss (ablation: off).")),
                    real(QStringLiteral("lambda"), tr("Purity weight λ"), 0.5, 0.0, 100.0,
                         tr("Weight of the purity penalty."), 3),
                    choice(QStringLiteral("purityForm"), tr("Purity form"),
                           {QStringLiteral("upper-bound"), QStringLiteral("variance")},
                           tr("upper-bound: mean (1 − P)², an upper bound of the spread of "
                              "purities; variance: mean (P − mean P)².")),
                    edge,
                    shared,
                    tune};
    m_methods.append(fair);

    MethodInfo plain;
    plain.name = QStringLiteral("transformer");
    plain.family = QStringLiteral("clustering");
    plain.title = tr("Transformer clustering (plain)");
    plain.description = tr("The same transformer without Cross-attention and without the purity "
                           "loss: BCE + soft Fowlkes–Mallows only.");
    plain.options = {k, subClusters, layers, heads, width, edge, shared, tune};
    m_methods.append(plain);

    MethodInfo knn;
    knn.name = QStringLiteral("knn-threshold");
    knn.family = QStringLiteral("clustering");
    knn.title = tr("kNN graph + threshold");
    knn.description = tr("No model: keep kNN edges whose cosine similarity exceeds the threshold, "
                         "filter by shared neighbours, connected components.");
    MethodOption cosine = edge;
    cosine.label = tr("Cosine threshold");
    cosine.defaultValue = 0.7;
    cosine.minimum = -1.0;
    cosine.toolTip = tr("An edge is kept when the cosine similarity exceeds it.");
    knn.options = {k, cosine, shared, tune};
    m_methods.append(knn);

    MethodInfo kmeans;
    kmeans.name = QStringLiteral("kmeans");
    kmeans.family = QStringLiteral("clustering");
    kmeans.title = tr("k-means");
    kmeans.description = tr("Lloyd's k-means on the normalised features with K = the true number "
                            "of clusters of each split (an oracle count).");
    kmeans.options = {integer(QStringLiteral("kmeansIterations"), tr("Iterations"), 30, 1, 1000,
                              tr("Lloyd iterations at most."))};
    m_methods.append(kmeans);
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
