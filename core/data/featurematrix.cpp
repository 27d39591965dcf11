#include "data/featurematrix.h"

#include <cstring>

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

Expected<std::shared_ptr<FeatureMatrix>>
FeatureMatrix::convertFloat64(const QString &path, qint64 rows, int cols, qint64 offset,
                              const QString &scratchDirectory, qint64 scratchAboveBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DataError{path, -1, -1, {}, {}, {}, file.errorString()};
    std::shared_ptr<FeatureMatrix> m(new FeatureMatrix);
    m->m_rows = rows;
    m->m_cols = cols;
    const qint64 count = rows * qint64(cols);
    if (count == 0)
        return m;
    const qint64 bytes = count * qint64(sizeof(float));
    float *out = nullptr;
    if (bytes > scratchAboveBytes) {
        auto scratch = ScratchMapping::create(scratchDirectory, bytes);
        if (!scratch)
            return scratch.error();
        m->m_scratch = std::move(scratch.value());
        out = reinterpret_cast<float *>(m->m_scratch->data());
    } else {
        m->m_owned.resize(size_t(count));
        out = m->m_owned.data();
    }
    const uchar *in = file.map(offset, count * 8);
    if (!in)
        return DataError{
            path, -1, -1, {}, {}, {}, QStringLiteral("cannot map: ") + file.errorString()};
    for (qint64 i = 0; i < count; ++i) {
        double v;
        std::memcpy(&v, in + i * 8, 8);
        out[i] = float(v);
    }
    file.unmap(const_cast<uchar *>(in));
    m->m_data = out;
    return m;
}

} // namespace equiscope
