#pragma once

#include "report/reportdocument.h"

#include <QString>

namespace equiscope {

/// Writes a ReportDocument as one self-contained HTML file: inline CSS, charts as inline SVG
/// (heatmaps as PNG data URIs inside them), no scripts and no external references. The output is
/// well-formed XML (XHTML syntax) so tools can parse it; every data string is escaped.
QString reportToHtml(const ReportDocument &document);

} // namespace equiscope
