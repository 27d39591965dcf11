#include "fairssl/pseudolabels_p.h"

#include "data/npyfile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <random>

namespace equiscope::pseudolabels {

namespace F = torch::nn::functional;

namespace {

torch::Tensor normalizeRows(const torch::Tensor &x)
{
    return F::normalize(x, F::NormalizeFuncOptions().dim(1).eps(1e-12));
}

DataError fileError(const QString &path, const QString &expected, const QString &found)
{
    DataError e;
    e.file = path;
    e.expected = expected;
    e.found = found;
    return e;
}

/// k-means++ seeding on cosine distance 1 − cos.
torch::Tensor kmeansPlusPlus(const torch::Tensor &x, int k, std::mt19937_64 &rng)
{
    const int64_t n = x.size(0);
    std::vector<int64_t> chosen{int64_t(rng() % quint64(n))};
    auto best = (1 - x.mm(x[chosen[0]].unsqueeze(1)).squeeze(1)).clamp_min(0);
    while (int(chosen.size()) < k) {
        const auto w = best.to(torch::kFloat64).contiguous();
        const double total = w.sum().item<double>();
        int64_t pick = int64_t(rng() % quint64(n));
        if (total > 0) {
            const double u = std::uniform_real_distribution<double>(0, total)(rng);
            const auto cum = w.cumsum(0);
            pick = std::min<int64_t>(n - 1, (cum < u).sum().item<int64_t>());
        }
        chosen.push_back(pick);
        best = torch::minimum(best, (1 - x.mm(x[pick].unsqueeze(1)).squeeze(1)).clamp_min(0));
    }
    return x.index_select(0, torch::tensor(chosen, torch::kLong)).clone();
}

std::vector<int> toVector(const torch::Tensor &t)
{
    const auto c = t.to(torch::kLong).contiguous();
    return std::vector<int>(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
}

Labels fromScores(const torch::Tensor &probabilities)
{
    Labels out;
    auto [conf, label] = probabilities.max(1);
    out.label = toVector(label);
    const auto c = conf.to(torch::kFloat32).contiguous();
    out.confidence.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return out;
}

void keepLabelled(Labels &labels, const std::vector<int64_t> &rows, const std::vector<int> &classes)
{
    for (size_t i = 0; i < rows.size(); ++i) {
        labels.label[size_t(rows[i])] = classes[i];
        labels.confidence[size_t(rows[i])] = 1.0f;
    }
}

/// Mean embedding of each class's labelled rows (normalised); zero rows for empty classes.
torch::Tensor classMeans(const torch::Tensor &x, const std::vector<int64_t> &rows,
                         const std::vector<int> &classes, int count)
{
    auto means = torch::zeros({count, x.size(1)}, x.options());
    for (size_t i = 0; i < rows.size(); ++i)
        means[classes[i]] += x[rows[i]];
    return normalizeRows(means);
}

} // namespace

std::vector<int> sphericalKMeans(const torch::Tensor &embeddings, int k, quint64 seed,
                                 torch::Tensor *centroidsOut, int iterations, int restarts)
{
    torch::NoGradGuard noGrad;
    const auto x = embeddings.to(torch::kFloat32).contiguous();
    const int64_t n = x.size(0);
    k = int(std::min<int64_t>(k, n));
    std::mt19937_64 rng(seed);
    torch::Tensor bestAssign, bestCentroids;
    double bestScore = -1e300;
    for (int run = 0; run < std::max(1, restarts); ++run) {
        auto centroids = kmeansPlusPlus(x, k, rng);
        torch::Tensor assign;
        for (int it = 0; it < iterations; ++it) {
            const auto next = x.mm(centroids.t()).argmax(1);
            if (assign.defined() && next.equal(assign))
                break;
            assign = next;
            auto sums = torch::zeros_like(centroids).index_add_(0, assign, x);
            const auto counts = torch::bincount(assign, {}, k);
            // An empty cluster restarts at the point farthest from its centroid.
            const auto empty = counts.eq(0).nonzero().flatten();
            for (int64_t e = 0; e < empty.size(0); ++e) {
                const auto own = (x * centroids.index_select(0, assign)).sum(1);
                sums[empty[e].item<int64_t>()] = x[own.argmin().item<int64_t>()];
            }
            centroids = normalizeRows(sums);
        }
        const double score = (x * centroids.index_select(0, assign)).sum().item<double>();
        if (score > bestScore) {
            bestScore = score;
            bestAssign = assign;
            bestCentroids = centroids;
        }
    }
    if (centroidsOut)
        *centroidsOut = bestCentroids;
    return toVector(bestAssign);
}

Labels kmeansLabels(const torch::Tensor &embeddings, const std::vector<int64_t> &labelledRows,
                    const std::vector<int> &labelledClasses, int classes, quint64 seed)
{
    torch::NoGradGuard noGrad;
    const auto x = embeddings.to(torch::kFloat32).contiguous();
    torch::Tensor centroids;
    const std::vector<int> cluster = sphericalKMeans(x, classes, seed, &centroids);
    const int k = int(centroids.size(0));
    std::vector<std::vector<int>> votes(size_t(k), std::vector<int>(size_t(classes), 0));
    for (size_t i = 0; i < labelledRows.size(); ++i)
        ++votes[size_t(cluster[size_t(labelledRows[i])])][size_t(labelledClasses[i])];
    const auto means = classMeans(x, labelledRows, labelledClasses, classes);
    const auto centroidToClass = centroids.mm(means.t()); // K×C
    std::vector<int> classOf(static_cast<size_t>(k));
    for (int c = 0; c < k; ++c) {
        const auto &v = votes[size_t(c)];
        const int top = *std::max_element(v.begin(), v.end());
        const int winners = int(std::count(v.begin(), v.end(), top));
        if (top > 0 && winners == 1) {
            classOf[size_t(c)] = int(std::max_element(v.begin(), v.end()) - v.begin());
        } else {
            // No vote or a tie: the nearest labelled class mean among the tied classes.
            auto row = centroidToClass[c].clone();
            if (top > 0)
                for (int y = 0; y < classes; ++y)
                    if (v[size_t(y)] != top)
                        row[y] = -1e9;
            classOf[size_t(c)] = int(row.argmax().item<int64_t>());
        }
    }
    Labels out;
    const int64_t n = x.size(0);
    out.label.resize(size_t(n));
    out.confidence.resize(size_t(n));
    const auto sims = x.mm(centroids.t()).contiguous(); // N×K
    const auto acc = sims.accessor<float, 2>();
    for (int64_t i = 0; i < n; ++i) {
        const int own = cluster[size_t(i)];
        const int y = classOf[size_t(own)];
        float other = -1.0f;
        for (int c = 0; c < k; ++c)
            if (classOf[size_t(c)] != y)
                other = std::max(other, acc[i][c]);
        out.label[size_t(i)] = y;
        out.confidence[size_t(i)] = std::clamp((acc[i][own] - other) / 2.0f, 0.0f, 1.0f);
    }
    keepLabelled(out, labelledRows, labelledClasses);
    return out;
}

Labels knnLabels(const torch::Tensor &embeddings, const std::vector<int64_t> &labelledRows,
                 const std::vector<int> &labelledClasses, int classes, int k)
{
    torch::NoGradGuard noGrad;
    const auto x = embeddings.to(torch::kFloat32).contiguous();
    const auto rows = torch::tensor(labelledRows, torch::kLong);
    const auto labelled = x.index_select(0, rows);
    const auto classOfLabelled = torch::tensor(
        std::vector<int64_t>(labelledClasses.begin(), labelledClasses.end()), torch::kLong);
    k = std::min<int>(k, int(labelledRows.size()));
    auto [sims, idx] = x.mm(labelled.t()).topk(k, 1, true, true);
    const auto weights = (sims / 0.1).exp();
    auto votes = torch::zeros({x.size(0), classes}, x.options());
    votes.scatter_add_(1, classOfLabelled.index_select(0, idx.flatten()).view(idx.sizes()),
                       weights);
    Labels out = fromScores(votes / votes.sum(1, true).clamp_min(1e-30));
    keepLabelled(out, labelledRows, labelledClasses);
    return out;
}

Labels zeroShotLabels(const torch::Tensor &embeddings, const torch::Tensor &classEmbeddings,
                      double scale)
{
    torch::NoGradGuard noGrad;
    const auto logits = normalizeRows(embeddings.to(torch::kFloat32))
                            .mm(normalizeRows(classEmbeddings.to(torch::kFloat32)).t()) *
                        scale;
    return fromScores(torch::softmax(logits, 1));
}

Expected<torch::Tensor> readClassEmbeddings(const QString &path, int classes,
                                            const QStringList &classNames, int dim)
{
    if (!QFileInfo::exists(path))
        return fileError(path, QStringLiteral("a class text-embedding file (NPY or CSV)"),
                         QStringLiteral("no such file"));
    std::vector<float> values;
    qint64 rows = 0;
    int cols = 0;
    if (path.endsWith(QLatin1String(".npy"), Qt::CaseInsensitive)) {
        auto m = readNpy(path);
        if (!m)
            return m.error();
        rows = m->rows;
        cols = m->cols;
        values = std::move(m->values);
    } else {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return fileError(path, QStringLiteral("a readable file"), f.errorString());
        qint64 line = 0;
        while (!f.atEnd()) {
            ++line;
            const QString text = QString::fromUtf8(f.readLine()).trimmed();
            if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
                continue;
            QStringList cells = text.split(QLatin1Char(','));
            bool firstIsNumber = false;
            cells.first().trimmed().toDouble(&firstIsNumber);
            if (!firstIsNumber)
                cells.removeFirst(); // a class name
            if (cols == 0)
                cols = int(cells.size());
            if (cells.size() != cols || cols == 0) {
                DataError e = fileError(path, QStringLiteral("%1 numbers per row").arg(cols),
                                        QString::number(cells.size()));
                e.line = line;
                return e;
            }
            for (const QString &cell : cells) {
                bool ok = false;
                values.push_back(cell.trimmed().toFloat(&ok));
                if (!ok) {
                    DataError e = fileError(path, QStringLiteral("a number"),
                                            QStringLiteral("'%1'").arg(cell.trimmed()));
                    e.line = line;
                    return e;
                }
            }
            ++rows;
        }
    }
    if (rows != classes)
        return fileError(path,
                         QStringLiteral("%1 rows, one per class (%2)")
                             .arg(classes)
                             .arg(classNames.join(QStringLiteral(", "))),
                         QStringLiteral("%1 rows").arg(rows));
    if (dim > 0 && cols != dim)
        return fileError(
            path,
            QStringLiteral("%1 numbers per row (the image encoder's embedding width)").arg(dim),
            QString::number(cols));
    auto t = torch::from_blob(values.data(), {rows, cols}, torch::kFloat32).clone();
    return normalizeRows(t);
}

} // namespace equiscope::pseudolabels
