#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// Decodes image files (JPEG/PNG/…) with OpenCV, in parallel, into an RGB ImageCache of
/// size×size pixels. The cache is keyed by the paths, sizes and modification times, so a second
/// open of an unchanged folder maps the existing cache without decoding anything.
/// Throws DataException naming the first unreadable file.
std::shared_ptr<const ImageCache> decodeImageFiles(const QStringList &absolutePaths, int size,
                                                   const ReadContext &context);

/// The image size option of a spec ("imageSize"), or @p fallback.
/// Bounds of the imageSize option (pixels per side of the decoded, cached images).
inline constexpr int kMinImageSize = 8;
inline constexpr int kMaxImageSize = 1024;
/// The "imageSize" option of a dataset spec, or @p fallback without one; throws a DataException
/// naming the option for a value that is not an integer in [kMinImageSize, kMaxImageSize].
int imageSizeOption(const QVariantMap &options, int fallback = 64);

} // namespace equiscope
