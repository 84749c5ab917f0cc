/// A request for one page of a list. Pages count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    pub const DEFAULT_PER_PAGE: u32 = 25;
    pub const MAX_PER_PAGE: u32 = 200;

    /// Clamps what a client asked for into a sane range instead of failing: page 0 means page 1,
    /// a huge page size means the maximum.
    pub fn new(page: Option<u32>, per_page: Option<u32>) -> Self {
        Self {
            page: page.unwrap_or(1).max(1),
            per_page: per_page
                .unwrap_or(Self::DEFAULT_PER_PAGE)
                .clamp(1, Self::MAX_PER_PAGE),
        }
    }

    pub fn offset(&self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }

    pub fn limit(&self) -> i64 {
        i64::from(self.per_page)
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        Self::new(None, None)
    }
}

/// One page of results with what a client needs to navigate.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

impl<T> Page<T> {
    pub fn total_pages(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(self.per_page.max(1)));
        u32::try_from(pages).unwrap_or(u32::MAX).max(1)
    }

    pub fn has_previous(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.total_pages()
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            per_page: self.per_page,
            total: self.total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_requests() {
        let request = PageRequest::new(Some(0), Some(10_000));
        assert_eq!(request.page, 1);
        assert_eq!(request.per_page, PageRequest::MAX_PER_PAGE);
        assert_eq!(PageRequest::new(Some(3), Some(10)).offset(), 20);
    }

    #[test]
    fn counts_pages() {
        let page = Page::<()> {
            items: vec![],
            page: 1,
            per_page: 25,
            total: 51,
        };
        assert_eq!(page.total_pages(), 3);
        assert!(page.has_next());
        assert!(!page.has_previous());
        let empty = Page::<()> {
            items: vec![],
            page: 1,
            per_page: 25,
            total: 0,
        };
        assert_eq!(empty.total_pages(), 1);
        assert!(!empty.has_next());
    }
}
