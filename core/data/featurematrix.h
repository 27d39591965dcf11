#pragma once

#include "util/expected.h"
#include "util/scratchmapping.h"

#include <QFile>

#include <memory>
#include <vector>

namespace equiscope {

/// N×D float32 feature vectors, row-major; either owned or memory-mapped from a raw file.
class FeatureMatrix
{
public:
    FeatureMatrix(qint64 rows, int cols, std::vector<float> values);
    /// Maps rows×cols little-endian float32 values starting at byte @p offset of a file (the
    /// clustering benchmark's headerless features.bin, or the data of a float32 .npy file): the
    /// features are never copied whole. The caller has checked the size.
    static Expected<std::shared_ptr<FeatureMatrix>> map(const QString &path, qint64 rows, int cols,
                                                        qint64 offset = 0);
    /// Float32 values of rows×cols little-endian float64 values at byte @p offset of a file (a
    /// float64 .npy). A result larger than @p scratchAboveBytes goes into a scratch file of
    /// @p scratchDirectory (util/scratchmapping.h), so a large matrix is not held in memory
    /// twice, or at all. The caller has checked the size.
    static Expected<std::shared_ptr<FeatureMatrix>> convertFloat64(const QString &path, qint64 rows,
                                                                   int cols, qint64 offset,
                                                                   const QString &scratchDirectory,
                                                                   qint64 scratchAboveBytes);
    /// Where the readers put converted matrices above this size (512 MiB).
    static constexpr qint64 kScratchAboveBytes = qint64(512) << 20;
    ~FeatureMatrix();

    qint64 rows() const { return m_rows; }
    int cols() const { return m_cols; }
    const float *data() const { return m_data; }
    const float *row(qint64 r) const { return m_data + r * m_cols; }
    /// Whether the values are a mapping of the file (not copied into memory).
    bool isMapped() const { return m_mapped != nullptr; }
    /// Whether the values live in a scratch file rather than in memory.
    bool isInScratch() const { return m_scratch != nullptr; }

private:
    FeatureMatrix() = default;
    qint64 m_rows = 0;
    int m_cols = 0;
    std::vector<float> m_owned;
    std::unique_ptr<QFile> m_file;
    uchar *m_mapped = nullptr;
    std::unique_ptr<ScratchMapping> m_scratch;
    const float *m_data = nullptr;
};

} // namespace equiscope
