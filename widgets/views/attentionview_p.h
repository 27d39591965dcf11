#pragma once

#include "views/attentionview.h"

namespace equiscope::attentionview_detail {

inline constexpr int kStripPixels = 11; // thickness of one colour strip

/// The label of group @p g of the snapshot, "no group" for a sample without one.
QString groupName(const AttentionSnapshot &s, int g);

} // namespace equiscope::attentionview_detail
