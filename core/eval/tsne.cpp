// Barnes–Hut t-SNE (van der Maaten 2014) for the embedding view: sparse input affinities over the
// 3·perplexity nearest neighbours, a quadtree for the repulsive forces, gains and momentum as in
// the reference implementation. Plain C++, one thread, so a seed fixes the result bit for bit.
#include "eval/projection.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

namespace equiscope {

namespace {

DataError tsneError(const QString &detail)
{
    DataError e;
    e.detail = QStringLiteral("t-SNE: %1").arg(detail);
    return e;
}

// splitmix64 + Box–Muller: the standard library's distributions differ between implementations,
// and the initial layout must be the same everywhere for a given seed.
class Gaussian
{
public:
    explicit Gaussian(quint64 seed) : m_state(seed) {}
    double next()
    {
        const double u1 = (double(nextBits() >> 11) + 0.5) / 9007199254740992.0;
        const double u2 = double(nextBits() >> 11) / 9007199254740992.0;
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }

private:
    quint64 nextBits()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    quint64 m_state;
};

// Conditional affinities p_{j|i} over the sorted squared distances @p d of i's neighbours:
// binary search on the Gaussian precision until the entropy is log(perplexity).
void conditionalAffinities(const std::vector<double> &d, double perplexity, std::vector<double> &p)
{
    const size_t k = d.size();
    p.assign(k, 0.0);
    const double target = std::log(perplexity);
    const double d0 = d.front();
    double beta = 1.0, lo = 0.0, hi = std::numeric_limits<double>::infinity();
    // Scale-free start: distances of typical neighbours become O(1).
    const double spread = d.back() - d0;
    if (spread > 0)
        beta = 1.0 / spread;
    double sum = 0;
    for (int iteration = 0; iteration < 200; ++iteration) {
        sum = 0;
        double weighted = 0;
        for (size_t j = 0; j < k; ++j) {
            p[j] = std::exp(-beta * (d[j] - d0));
            sum += p[j];
            weighted += (d[j] - d0) * p[j];
        }
        const double entropy = std::log(sum) + beta * weighted / sum;
        const double gap = entropy - target;
        if (std::abs(gap) < 1e-5)
            break;
        if (gap > 0) { // too flat: sharpen
            lo = beta;
            beta = std::isinf(hi) ? beta * 2.0 : 0.5 * (beta + hi);
        } else {
            hi = beta;
            beta = 0.5 * (beta + lo);
        }
    }
    for (double &v : p)
        v /= sum;
}

struct QuadNode
{
    double cx = 0, cy = 0, half = 0; // cell centre and half-width
    double comX = 0, comY = 0;       // centre of mass
    int count = 0;
    int point = -1; // a leaf's point (all its points share this position)
    int child = -1; // index of the first of four children; -1 = leaf
};

class QuadTree
{
public:
    QuadTree(const std::vector<double> &y, int n) : m_y(y)
    {
        double minX = y[0], maxX = y[0], minY = y[1], maxY = y[1];
        for (int i = 1; i < n; ++i) {
            minX = std::min(minX, y[2 * i]);
            maxX = std::max(maxX, y[2 * i]);
            minY = std::min(minY, y[2 * i + 1]);
            maxY = std::max(maxY, y[2 * i + 1]);
        }
        QuadNode root;
        root.cx = 0.5 * (minX + maxX);
        root.cy = 0.5 * (minY + maxY);
        root.half = 0.5 * std::max(maxX - minX, maxY - minY) + 1e-5;
        m_nodes.reserve(size_t(4 * n + 4));
        m_nodes.push_back(root);
        for (int i = 0; i < n; ++i)
            insert(i);
    }

    /// Repulsive force on point @p i (unnormalised) and its share of Z.
    void repulsion(int i, double theta, double &fx, double &fy, double &sumQ) const
    {
        const double xi = m_y[2 * size_t(i)], yi = m_y[2 * size_t(i) + 1];
        const double theta2 = theta * theta;
        int stack[256];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const QuadNode &node = m_nodes[size_t(stack[--top])];
            if (node.count == 0)
                continue;
            const double dx = xi - node.comX, dy = yi - node.comY;
            const double d2 = dx * dx + dy * dy;
            const double width = 2.0 * node.half;
            if (node.child < 0 || width * width < theta2 * d2) {
                double weight = node.count;
                if (node.child < 0 && d2 == 0.0)
                    weight -= 1.0; // the leaf holding i itself (and i's exact duplicates)
                if (weight <= 0)
                    continue;
                const double q = 1.0 / (1.0 + d2);
                sumQ += weight * q;
                fx += weight * q * q * dx;
                fy += weight * q * q * dy;
            } else {
                for (int c = 0; c < 4 && top < 252; ++c)
                    stack[top++] = node.child + c;
            }
        }
    }

private:
    int quadrant(const QuadNode &node, double x, double y) const
    {
        return (x >= node.cx ? 1 : 0) + (y >= node.cy ? 2 : 0);
    }

    void split(int index)
    {
        const int first = int(m_nodes.size());
        for (int c = 0; c < 4; ++c) {
            QuadNode child;
            const double h = 0.5 * m_nodes[size_t(index)].half;
            child.half = h;
            child.cx = m_nodes[size_t(index)].cx + ((c & 1) ? h : -h);
            child.cy = m_nodes[size_t(index)].cy + ((c & 2) ? h : -h);
            m_nodes.push_back(child);
        }
        m_nodes[size_t(index)].child = first;
    }

    static void addMass(QuadNode &node, double x, double y, int weight)
    {
        const double total = node.count + weight;
        node.comX = (node.comX * node.count + x * weight) / total;
        node.comY = (node.comY * node.count + y * weight) / total;
        node.count += weight;
    }

    void insert(int i)
    {
        const double x = m_y[2 * size_t(i)], y = m_y[2 * size_t(i) + 1];
        int index = 0;
        for (int depth = 0;; ++depth) {
            QuadNode *node = &m_nodes[size_t(index)];
            if (node->child >= 0) {
                addMass(*node, x, y, 1);
                index = node->child + quadrant(*node, x, y);
                continue;
            }
            if (node->count == 0) {
                addMass(*node, x, y, 1);
                node->point = i;
                return;
            }
            const double px = m_y[2 * size_t(node->point)], py = m_y[2 * size_t(node->point) + 1];
            if ((px == x && py == y) || depth > 48) {
                addMass(*node, x, y, 1); // a duplicate (or a cell too small to split) stays a leaf
                return;
            }
            // Split the leaf: its points move down as one weighted point.
            const int moved = node->count;
            const int movedPoint = node->point;
            split(index);
            node = &m_nodes[size_t(index)];
            QuadNode &target = m_nodes[size_t(node->child + quadrant(*node, px, py))];
            addMass(target, px, py, moved);
            target.point = movedPoint;
            node->point = -1;
            // node keeps its mass; the loop adds i to it and descends.
        }
    }

    const std::vector<double> &m_y;
    std::vector<QuadNode> m_nodes;
};

} // namespace

Expected<QVector<float>> tsne(const QVector<float> &data, int rows, int cols,
                              const TsneOptions &options, const ProjectionProgress &progress)
{
    if (rows < 4 || cols < 1 || data.size() != qsizetype(rows) * cols)
        return tsneError(QStringLiteral("needs at least 4 rows of %1 values; got %2 numbers for %3 "
                                        "rows")
                             .arg(cols)
                             .arg(data.size())
                             .arg(rows));
    const int n = rows;
    // Wide inputs: PCA first (standard practice; also makes the neighbour search cheaper).
    QVector<float> input = data;
    int dim = cols;
    if (options.pcaDimensions > 0 && cols > options.pcaDimensions) {
        auto reduced = principalComponents(data, rows, cols, options.pcaDimensions);
        if (!reduced)
            return reduced.error();
        input = reduced->points;
        dim = options.pcaDimensions;
    }
    // Centre and scale to max |x| = 1 so the distances have a known range.
    std::vector<double> x(size_t(n) * dim);
    for (int c = 0; c < dim; ++c) {
        double mean = 0;
        for (int i = 0; i < n; ++i)
            mean += input[qsizetype(i) * dim + c];
        mean /= n;
        for (int i = 0; i < n; ++i)
            x[size_t(i) * dim + c] = input[qsizetype(i) * dim + c] - mean;
    }
    double maxAbs = 0;
    for (double v : x)
        maxAbs = std::max(maxAbs, std::abs(v));
    if (maxAbs > 0)
        for (double &v : x)
            v /= maxAbs;

    const double perplexity = std::clamp(options.perplexity, 1.0, (n - 1) / 3.0);
    const int k = std::min(n - 1, int(3.0 * perplexity));
    // Sparse symmetric P as (row, col, value) triples, merged below.
    struct Entry
    {
        int i, j;
        double v;
    };
    std::vector<Entry> entries;
    entries.reserve(size_t(2 * n * k));
    {
        std::vector<std::pair<double, int>> dist(static_cast<size_t>(n));
        std::vector<double> d(static_cast<size_t>(k)), p;
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                double s = 0;
                if (j != i)
                    for (int c = 0; c < dim; ++c) {
                        const double t = x[size_t(i) * dim + c] - x[size_t(j) * dim + c];
                        s += t * t;
                    }
                dist[size_t(j)] = {j == i ? std::numeric_limits<double>::infinity() : s, j};
            }
            std::partial_sort(dist.begin(), dist.begin() + k, dist.end());
            for (int m = 0; m < k; ++m)
                d[size_t(m)] = dist[size_t(m)].first;
            conditionalAffinities(d, perplexity, p);
            for (int m = 0; m < k; ++m) {
                const int j = dist[size_t(m)].second;
                entries.push_back({i, j, p[size_t(m)]});
                entries.push_back({j, i, p[size_t(m)]});
            }
            if (progress && i % 200 == 199 && !progress(0, options.iterations))
                return tsneError(QStringLiteral("cancelled"));
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.i != b.i ? a.i < b.i : a.j < b.j; });
    std::vector<int> rowStart(static_cast<size_t>(n) + 1, 0), column;
    std::vector<double> value;
    for (size_t e = 0; e < entries.size();) {
        size_t f = e;
        double sum = 0;
        while (f < entries.size() && entries[f].i == entries[e].i && entries[f].j == entries[e].j)
            sum += entries[f++].v;
        column.push_back(entries[e].j);
        value.push_back(sum / (2.0 * n)); // P_ij = (p_{j|i} + p_{i|j}) / 2n
        ++rowStart[size_t(entries[e].i) + 1];
        e = f;
    }
    std::partial_sum(rowStart.begin(), rowStart.end(), rowStart.begin());
    entries.clear();
    entries.shrink_to_fit();

    // Optimisation.
    Gaussian gaussian(options.seed);
    const size_t values = static_cast<size_t>(2 * n);
    std::vector<double> y(values), update(values, 0.0), gains(values, 1.0), grad(values);
    for (double &v : y)
        v = 1e-4 * gaussian.next();
    const double learningRate = options.learningRate > 0
                                    ? options.learningRate
                                    : std::max(n / std::max(1.0, options.exaggeration) / 4.0, 50.0);
    std::vector<double> negX(static_cast<size_t>(n)), negY(negX), sumQ(negX);
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        const bool early = iteration < options.exaggerationIterations;
        const double exaggeration = early ? options.exaggeration : 1.0;
        const double momentum = early ? 0.5 : 0.8;
        const QuadTree tree(y, n);
        double z = 0;
        for (int i = 0; i < n; ++i) {
            negX[size_t(i)] = negY[size_t(i)] = sumQ[size_t(i)] = 0;
            tree.repulsion(i, options.theta, negX[size_t(i)], negY[size_t(i)], sumQ[size_t(i)]);
        }
        for (int i = 0; i < n; ++i)
            z += sumQ[size_t(i)];
        z = std::max(z, 1e-300);
        for (int i = 0; i < n; ++i) {
            double px = 0, py = 0;
            const double xi = y[2 * size_t(i)], yi = y[2 * size_t(i) + 1];
            for (int e = rowStart[size_t(i)]; e < rowStart[size_t(i) + 1]; ++e) {
                const int j = column[size_t(e)];
                const double dx = xi - y[2 * size_t(j)], dy = yi - y[2 * size_t(j) + 1];
                const double w = value[size_t(e)] * exaggeration / (1.0 + dx * dx + dy * dy);
                px += w * dx;
                py += w * dy;
            }
            grad[2 * size_t(i)] = 4.0 * (px - negX[size_t(i)] / z);
            grad[2 * size_t(i) + 1] = 4.0 * (py - negY[size_t(i)] / z);
        }
        for (size_t v = 0; v < y.size(); ++v) {
            gains[v] = (grad[v] > 0) != (update[v] > 0) ? gains[v] + 0.2 : gains[v] * 0.8;
            gains[v] = std::max(gains[v], 0.01);
            update[v] = momentum * update[v] - learningRate * gains[v] * grad[v];
            y[v] += update[v];
        }
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; ++i) {
            meanX += y[2 * size_t(i)];
            meanY += y[2 * size_t(i) + 1];
        }
        meanX /= n;
        meanY /= n;
        for (int i = 0; i < n; ++i) {
            y[2 * size_t(i)] -= meanX;
            y[2 * size_t(i) + 1] -= meanY;
        }
        if (progress && (iteration % 10 == 9 || iteration + 1 == options.iterations) &&
            !progress(iteration + 1, options.iterations))
            return tsneError(QStringLiteral("cancelled"));
    }
    QVector<float> out(qsizetype(2) * n);
    for (size_t v = 0; v < y.size(); ++v)
        out[qsizetype(v)] = float(y[v]);
    return out;
}

} // namespace equiscope
