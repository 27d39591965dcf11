#pragma once

#include "report/reportdocument.h"

#include "util/expected.h"

#include <QByteArray>
#include <QImage>

#include <memory>

namespace equiscope {

/// A ReportDocument laid out on A4 pages (QTextDocument flow, charts drawn as vectors), with a
/// running header and "page i of n" footer. Needs a QGuiApplication (fonts); the CLI makes one
/// on the offscreen platform.
class PaginatedReport
{
public:
    explicit PaginatedReport(const ReportDocument &document);
    ~PaginatedReport();
    PaginatedReport(const PaginatedReport &) = delete;
    PaginatedReport &operator=(const PaginatedReport &) = delete;

    int pageCount() const;
    /// The page size in layout units (1/96 inch).
    QSizeF pageSize() const;
    /// One page as an image, @p dpi dots per inch (previews and tests).
    QImage renderPage(int page, double dpi = 96) const;
    /// The whole report as PDF bytes (QPdfWriter, vector text and charts).
    QByteArray toPdf() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Writes the report as a PDF file; fails with a message naming @p path.
Expected<int> writeReportPdf(const ReportDocument &document, const QString &path);

} // namespace equiscope
