#include "eval/associationcell.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace equiscope {

Expected<AssociationCell> strongestCell(const AttributeTable &table, const QString &a,
                                        const QString &b, int examples, quint64 seed)
{
    if (!table.contains(a) || !table.contains(b))
        return fileError({}, QStringLiteral("no attribute '%1'").arg(table.contains(a) ? b : a));
    const Attribute *x = &table.column(a), *y = &table.column(b);
    if (!x->isDiscrete() && y->isDiscrete())
        std::swap(x, y);
    if (!x->isDiscrete() || y->type() == AttributeType::Vector)
        return fileError({}, QStringLiteral("%1 × %2: no single cell drives an association of "
                                            "numbers or vectors")
                                 .arg(a, b));
    AssociationCell cell;
    cell.attributeA = x->name();
    cell.attributeB = y->name();
    const qint64 n = table.rowCount();
    const int la = int(x->levels().size());
    std::vector<qint64> chosen;
    if (y->isDiscrete()) {
        const int lb = int(y->levels().size());
        std::vector<qint64> counts(size_t(la) * size_t(lb), 0), rowSum(size_t(la), 0),
            colSum(size_t(lb), 0);
        qint64 total = 0;
        for (qint64 r = 0; r < n; ++r) {
            const int ca = x->code(r), cb = y->code(r);
            if (ca < 0 || cb < 0 || ca >= la || cb >= lb)
                continue;
            ++counts[size_t(ca) * size_t(lb) + size_t(cb)];
            ++rowSum[size_t(ca)];
            ++colSum[size_t(cb)];
            ++total;
        }
        // The largest standardised residual (observed − expected) / √expected.
        double best = -1;
        int bestA = -1, bestB = -1;
        for (int i = 0; i < la; ++i)
            for (int j = 0; j < lb; ++j) {
                const double e = double(rowSum[size_t(i)]) * double(colSum[size_t(j)]) /
                                 double(std::max<qint64>(1, total));
                const qint64 o = counts[size_t(i) * size_t(lb) + size_t(j)];
                if (e <= 0 || o == 0)
                    continue;
                const double residual = (double(o) - e) / std::sqrt(e);
                if (residual > best) {
                    best = residual;
                    bestA = i;
                    bestB = j;
                }
            }
        if (bestA < 0)
            return fileError({}, QStringLiteral("%1 × %2: no rows where both are known").arg(a, b));
        cell.levelA = x->levels().at(bestA);
        cell.levelB = y->levels().at(bestB);
        cell.rows = counts[size_t(bestA) * size_t(lb) + size_t(bestB)];
        cell.expected =
            double(rowSum[size_t(bestA)]) * double(colSum[size_t(bestB)]) / double(total);
        for (qint64 r = 0; r < n; ++r)
            if (x->code(r) == bestA && y->code(r) == bestB)
                chosen.push_back(r);
        cell.description = QStringLiteral("%1=%2 × %3=%4: %5 rows, %6 expected if independent")
                               .arg(cell.attributeA, cell.levelA, cell.attributeB, cell.levelB)
                               .arg(cell.rows)
                               .arg(cell.expected, 0, 'f', 0);
    } else {
        std::vector<double> sum(size_t(std::max(la, 1)), 0);
        std::vector<qint64> count(size_t(std::max(la, 1)), 0);
        double all = 0, allSquares = 0;
        qint64 known = 0;
        for (qint64 r = 0; r < n; ++r) {
            const int c = x->code(r);
            const double v = y->value(r);
            if (c < 0 || c >= la || !std::isfinite(v))
                continue;
            sum[size_t(c)] += v;
            ++count[size_t(c)];
            all += v;
            allSquares += v * v;
            ++known;
        }
        if (known == 0)
            return fileError({}, QStringLiteral("%1 × %2: no rows where both are known").arg(a, b));
        cell.overallMean = all / double(known);
        double best = -1;
        int level = -1;
        for (int i = 0; i < la; ++i) {
            if (count[size_t(i)] == 0)
                continue;
            // The level's mean, in standard errors from the overall mean.
            const double mean = sum[size_t(i)] / double(count[size_t(i)]);
            const double z =
                std::abs(mean - cell.overallMean) * std::sqrt(double(count[size_t(i)]));
            if (z > best) {
                best = z;
                level = i;
                cell.mean = mean;
            }
        }
        cell.levelA = x->levels().at(level);
        cell.rows = count[size_t(level)];
        for (qint64 r = 0; r < n; ++r)
            if (x->code(r) == level && std::isfinite(y->value(r)))
                chosen.push_back(r);
        cell.description = QStringLiteral("%1=%2: %3 rows, mean %4 %5 against %6 overall")
                               .arg(cell.attributeA, cell.levelA)
                               .arg(cell.rows)
                               .arg(cell.attributeB)
                               .arg(cell.mean, 0, 'g', 3)
                               .arg(cell.overallMean, 0, 'g', 3);
    }
    std::mt19937_64 rng(seed ^ 0xCE11ull);
    std::shuffle(chosen.begin(), chosen.end(), rng);
    chosen.resize(std::min(chosen.size(), size_t(std::max(0, examples))));
    std::sort(chosen.begin(), chosen.end());
    cell.examples = chosen;
    return cell;
}

} // namespace equiscope
