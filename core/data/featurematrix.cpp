#include "data/featurematrix.h"

namespace equiscope {

FeatureMatrix::FeatureMatrix(qint64 rows, int cols, std::vector<float> values)
    : m_rows(rows), m_cols(cols), m_owned(std::move(values))
{
    m_data = m_owned.data();
}

FeatureMatrix::~FeatureMatrix()
{
    if (m_file && m_mapped)
        m_file->unmap(m_mapped);
}

Expected<std::shared_ptr<FeatureMatrix>> FeatureMatrix::map(const QString &path, qint64 rows,
                                                            int cols, qint64 offset)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "features.bin is little-endian float32");
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return DataError{path, -1, -1, {}, {}, {}, file->errorString()};
    std::shared_ptr<FeatureMatrix> m(new FeatureMatrix);
    m->m_rows = rows;
    m->m_cols = cols;
    if (rows * cols > 0) {
        m->m_mapped = file->map(offset, rows * cols * qint64(sizeof(float)));
        if (!m->m_mapped)
            return DataError{
                path, -1, -1, {}, {}, {}, QStringLiteral("cannot map: ") + file->errorString()};
        m->m_data = reinterpret_cast<const float *>(m->m_mapped);
    }
    m->m_file = std::move(file);
    return m;
}

} // namespace equiscope
