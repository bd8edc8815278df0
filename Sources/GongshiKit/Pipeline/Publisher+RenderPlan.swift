import Foundation

extension Publisher {
    /// Publishes `pages` plus the files of `reusing` hard-linked from the current site (unchanged pages), through the
    /// render stage (which collects the pages' links).
    @discardableResult
    public func publish(_ pages: [RenderedPage], reusing: [String] = [], baseURL: String? = nil) throws(OutputError) -> PublishResult {
        try publish(RenderPlan(rendered: pages, reused: reusing), baseURL: baseURL)
    }

    /// Publishes a render plan, run by `RenderStage`, outside a build (the output's manifest is read here).
    @discardableResult
    func publish(_ plan: consuming RenderPlan, baseURL: String? = nil) throws(OutputError) -> PublishResult {
        try RenderStage(baseURL: baseURL).publish(plan, with: self).result
    }
}
