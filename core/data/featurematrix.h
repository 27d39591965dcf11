#pragma once

#include "util/expected.h"

#include <QFile>

#include <memory>
#include <vector>

namespace equiscope {

/// N×D float32 feature vectors, row-major; either owned or memory-mapped from a raw file.
class FeatureMatrix
{
public:
    FeatureMatrix(qint64 rows, int cols, std::vector<float> values);
    /// Maps a headerless float32 little-endian file of rows×cols values (the clustering
    /// benchmark's features.bin). The caller has checked the size.
    static Expected<std::shared_ptr<FeatureMatrix>> map(const QString &path, qint64 rows, int cols);
    ~FeatureMatrix();

    qint64 rows() const { return m_rows; }
    int cols() const { return m_cols; }
    const float *data() const { return m_data; }
    const float *row(qint64 r) const { return m_data + r * m_cols; }

private:
    FeatureMatrix() = default;
    qint64 m_rows = 0;
    int m_cols = 0;
    std::vector<float> m_owned;
    std::unique_ptr<QFile> m_file;
    uchar *m_mapped = nullptr;
    const float *m_data = nullptr;
};

} // namespace equiscope
