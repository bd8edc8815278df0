extension RenderPlan {
    /// Every file the plan makes, by the very code that names them (pages, open data, statistics files, feeds,
    /// posters), with the files of its groups (the search index) when `runningGroups`: a group's file names are
    /// known only once it has run, which costs as much as building it.
    func filePaths(runningGroups: Bool) -> Set<String> {
        var paths = Set(rendered.map(\.path)).union(reused).union(jobs.map(\.path))
        guard runningGroups else { return paths }
        for group in groups {
            // Collecting names cannot fail, so neither can the group.
            try! group.run(nil) { file in
                if file.isFile { paths.insert(file.path) }
            }
        }
        return paths
    }
}
