//! How the server runs.

use std::net::SocketAddr;
use std::time::Duration;

/// Server settings.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Largest request body accepted, in bytes (uploads included); larger ones get 413.
    pub body_limit: usize,
    /// Longest a request may take before it is answered 503.
    pub timeout: Duration,
    /// Most search hits one request returns.
    pub max_hits: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            body_limit: 4 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            max_hits: 100,
        }
    }
}
